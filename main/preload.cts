// Preload (renderer process, isolated world, sandboxed): exposes the LabHost as `window.lab` over the engine port main hands it.
// A sandboxed preload can require only 'electron' and a few built-ins, so everything else here is `import type`;
// events are validated by the renderer, requests by the engine, files to save by main.
import electron = require('electron');
import type { LabCommandId } from '../contract/labCommands.js';
import type { EngineStatus, LabHost, OpenedFile } from '../contract/labHost.js';
import type { SaveFileResult } from '../contract/saveFile.js';
import type { EngineEvent, EngineRequest } from '../engine/protocol/index.js';
import type { IpcChannels } from './ipcChannels.js';

/** The same names as main/ipcChannels.ts; the type makes the compiler hold them equal. */
const CHANNELS: IpcChannels = {
  engineConnect: 'engine-connect',
  enginePort: 'engine-port',
  engineStatus: 'engine-status',
  saveFile: 'save-file',
  saveProject: 'save-project',
  openProject: 'open-project',
  chooseImageFolder: 'choose-image-folder',
  projectOpened: 'project-opened',
  menuCommand: 'menu-command',
  openedFile: 'opened-file',
  autosaveRead: 'autosave-read',
  autosaveWrite: 'autosave-write',
  autosaveClear: 'autosave-clear',
};

/** The part of the DOM MessagePort used here (the Node build that compiles this file has no DOM types). */
interface EnginePort {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
}

/** Builds the host: requests wait in a queue until the first port arrives, and again between a crash and the fresh engine. */
function createElectronLabHost(): LabHost {
  const eventListeners = new Set<(event: EngineEvent) => void>();
  const statusListeners = new Set<(status: EngineStatus) => void>();
  const waitingRequests: EngineRequest[] = [];
  let port: EnginePort | null = null;
  let lastStatus: EngineStatus | null = null;

  const notify = <T,>(listeners: Set<(value: T) => void>, value: T) => {
    for (const listener of listeners) {
      try {
        listener(value);
      } catch (error) {
        console.error('Backprop Lab: a listener failed', error);
      }
    }
  };

  electron.ipcRenderer.on(CHANNELS.enginePort, (event) => {
    const received = event.ports[0] as unknown as EnginePort | undefined;
    if (!received) return;
    port?.close();
    port = received;
    port.onmessage = (message) => notify(eventListeners, message.data as EngineEvent);
    for (const request of waitingRequests.splice(0)) port.postMessage(request);
  });

  // Main sends 'crashed' before the fresh engine's port and 'ready' after it (one IPC pipe keeps that order).
  electron.ipcRenderer.on(CHANNELS.engineStatus, (_event, status: EngineStatus) => {
    if (status.state === 'crashed') {
      port?.close();
      port = null;
    }
    lastStatus = status;
    notify(statusListeners, status);
  });

  electron.ipcRenderer.send(CHANNELS.engineConnect);

  // The menu's commands and the files the system opens with the app: those that come before the page listens wait for it.
  const commandListeners = new Set<(command: LabCommandId) => void>();
  const fileListeners = new Set<(file: OpenedFile) => void>();
  const waitingFiles: OpenedFile[] = [];
  electron.ipcRenderer.on(CHANNELS.menuCommand, (_event, command: LabCommandId) => notify(commandListeners, command));
  electron.ipcRenderer.on(CHANNELS.openedFile, (_event, file: OpenedFile) => {
    if (fileListeners.size) notify(fileListeners, file);
    else waitingFiles.push(file);
  });
  const failed = (error: unknown): SaveFileResult => ({
    state: 'failed',
    message: `Could not save: ${error instanceof Error ? error.message : String(error)}`,
  });

  return {
    kind: 'electron',
    send(request) {
      if (port) port.postMessage(request);
      else waitingRequests.push(request);
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => {
        eventListeners.delete(listener);
      };
    },
    onStatus(listener) {
      statusListeners.add(listener);
      // The page's scripts may subscribe after main's first status arrived: a new listener hears the current one.
      const current = lastStatus;
      if (current)
        queueMicrotask(() => {
          if (statusListeners.has(listener)) listener(current);
        });
      return () => {
        statusListeners.delete(listener);
      };
    },
    // The bytes arrive here as contextBridge's copy and cross to main as IPC's copy; main checks every field itself.
    async saveFile(file) {
      const { suggestedName, mime, bytes } = (file ?? {}) as Partial<typeof file>;
      try {
        return await (electron.ipcRenderer.invoke(CHANNELS.saveFile, { suggestedName, mime, bytes }) as Promise<SaveFileResult>);
      } catch (error) {
        return failed(error);
      }
    },
    async saveProject(file, saveAs) {
      const { suggestedName, mime, bytes } = (file ?? {}) as Partial<typeof file>;
      try {
        return await (electron.ipcRenderer.invoke(CHANNELS.saveProject, {
          file: { suggestedName, mime, bytes },
          saveAs: saveAs === true,
        }) as Promise<SaveFileResult>);
      } catch (error) {
        return failed(error);
      }
    },
    openProjectFile: () => electron.ipcRenderer.invoke(CHANNELS.openProject) as Promise<OpenedFile | null>,
    chooseImageFolder: (current) =>
      electron.ipcRenderer.invoke(CHANNELS.chooseImageFolder, typeof current === 'string' ? current : null) as Promise<string | null>,
    projectOpened(file) {
      if (typeof file?.path === 'string') electron.ipcRenderer.send(CHANNELS.projectOpened, file.path);
    },
    onCommand(listener) {
      commandListeners.add(listener);
      return () => {
        commandListeners.delete(listener);
      };
    },
    onOpenFile(listener) {
      fileListeners.add(listener);
      for (const file of waitingFiles.splice(0)) queueMicrotask(() => listener(file));
      return () => {
        fileListeners.delete(listener);
      };
    },
    autosave: {
      read: () => electron.ipcRenderer.invoke(CHANNELS.autosaveRead) as Promise<string | null>,
      write: async (text) => {
        await electron.ipcRenderer.invoke(CHANNELS.autosaveWrite, text);
      },
      clear: () => electron.ipcRenderer.send(CHANNELS.autosaveClear),
    },
  };
}

electron.contextBridge.exposeInMainWorld('lab', createElectronLabHost());
