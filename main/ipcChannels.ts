// The three IPC channels between main and the preload (main process; the sandboxed preload copies them, type-checked).
// Only the handover of the engine port and the engine's status travel here: training traffic uses the port itself.

export const IPC_CHANNELS = {
  /** preload → main: "give this page a port to the engine" (sent once per page load). */
  engineConnect: 'engine-connect',
  /** main → preload: carries one MessagePort to the engine in `event.ports[0]`. */
  enginePort: 'engine-port',
  /** main → preload: an EngineStatus. */
  engineStatus: 'engine-status',
} as const;

export type IpcChannels = typeof IPC_CHANNELS;
