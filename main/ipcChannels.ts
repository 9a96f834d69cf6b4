// The IPC channels between main and the preload (main process; the sandboxed preload copies them, type-checked).
// Only the handover of the engine port, the engine's status, files to save and open, a folder of images to read, the menu's commands and the kept work travel here: training traffic uses the port.

export const IPC_CHANNELS = {
  /** preload → main: "give this page a port to the engine" (sent once per page load). */
  engineConnect: 'engine-connect',
  /** main → preload: carries one MessagePort to the engine in `event.ports[0]`. */
  enginePort: 'engine-port',
  /** main → preload: an EngineStatus. */
  engineStatus: 'engine-status',
  /** preload → main, invoked: a SaveFileRequest; main asks where (a save dialog), writes it, and answers a SaveFileResult. */
  saveFile: 'save-file',
  /** preload → main, invoked: { file: SaveFileRequest, saveAs }; main writes the project to its file (asking where when it has none). */
  saveProject: 'save-project',
  /** preload → main, invoked: main shows an open dialog and answers an OpenedFile or null. */
  openProject: 'open-project',
  /** preload → main, invoked: the current folder (a string or null); main shows a folder dialog and answers the chosen path or null. */
  chooseImageFolder: 'choose-image-folder',
  /** preload → main: the page opened the OpenedFile with this path, which becomes the file Save writes to. */
  projectOpened: 'project-opened',
  /** main → preload: a LabCommandId from the menu. */
  menuCommand: 'menu-command',
  /** main → preload: an OpenedFile the system asked the app to open. */
  openedFile: 'opened-file',
  /** preload → main, invoked: the kept work's text, or null. */
  autosaveRead: 'autosave-read',
  /** preload → main, invoked: keep this text (atomically). */
  autosaveWrite: 'autosave-write',
  /** preload → main: forget the kept work. */
  autosaveClear: 'autosave-clear',
} as const;

export type IpcChannels = typeof IPC_CHANNELS;
