// The IPC channels between main and the preload (main process; the sandboxed preload copies them, type-checked).
// Only the handover of the engine port, the engine's status and files to save travel here: training traffic uses the port.

export const IPC_CHANNELS = {
  /** preload → main: "give this page a port to the engine" (sent once per page load). */
  engineConnect: 'engine-connect',
  /** main → preload: carries one MessagePort to the engine in `event.ports[0]`. */
  enginePort: 'engine-port',
  /** main → preload: an EngineStatus. */
  engineStatus: 'engine-status',
  /** preload → main, invoked: a SaveFileRequest; main asks where (a save dialog), writes it, and answers a SaveFileResult. */
  saveFile: 'save-file',
} as const;

export type IpcChannels = typeof IPC_CHANNELS;
