// The desktop app's project files (main process): Save and Save As, the open dialog, Open Recent, files the system opens with the app, and the kept work.
import { app, BrowserWindow, dialog, ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { isLabCommandId, type LabCommandId } from '../contract/labCommands.js';
import type { OpenedFile } from '../contract/labHost.js';
import type { SaveFileResult } from '../contract/saveFile.js';
import { MAX_SAVE_BYTES } from '../engine/limits.js';
import { writeFileAtomicallyAsync } from '../node/atomicWrite.js';
import { AUTOSAVE_FILE_NAME } from '../node/dataFolder.js';
import type { AppModule } from './appModule.js';
import type { AppPaths } from './appPaths.js';
import { IPC_CHANNELS } from './ipcChannels.js';
import { projectFileFromArgv } from './projectArgs.js';
import { readRecent, withRecent, writeRecent } from './recentProjects.js';
import { parseSaveRequest } from './saveRequest.js';
import { isOurRenderer } from './senderCheck.js';
import { writeErrorMessage } from './writeErrorMessage.js';

const PROJECT_FILTERS = [
  { name: 'Backprop Lab project', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

/** What the menu needs of the project files: the recent list, and a way to send the page a command. */
export interface ProjectFiles extends AppModule {
  recent(): readonly string[];
  openRecent(file: string): void;
  clearRecent(): void;
  /** Called with the new list whenever it changes. */
  onRecentChange(listener: () => void): void;
  send(command: LabCommandId): void;
}

export function projectFiles(paths: AppPaths): ProjectFiles {
  let recent: string[] = [];
  const recentListeners: (() => void)[] = [];
  /** The file Save writes to: the project last saved, or opened by the page. */
  let current: string | undefined;
  /** Files main read for the page: only these may become `current` when the page says it opened one. */
  const offered = new Set<string>();
  /** Files the system asked to open before the window was there. */
  const waiting: string[] = [];
  const dataFile = (name: string) => path.join(app.getPath('userData'), name);

  const window = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const setRecent = (list: string[]) => {
    recent = list;
    void writeRecent(dataFile('recent-projects.json'), list).catch(() => undefined);
    recentListeners.forEach((listener) => listener());
  };
  const remember = (file: string) => {
    setRecent(withRecent(recent, file));
    app.addRecentDocument(file);
  };
  const showTitle = () => window()?.setTitle(current ? `${path.basename(current)} — Backprop Lab` : 'Backprop Lab');

  async function read(file: string): Promise<OpenedFile> {
    const size = (await stat(file)).size;
    if (size > MAX_SAVE_BYTES) throw new Error(`${path.basename(file)} is larger than ${MAX_SAVE_BYTES / (1024 * 1024)} MB`);
    offered.add(file);
    return { name: path.basename(file), text: await readFile(file, 'utf8'), path: file };
  }

  /** Hands a file to the page, which asks about unsaved work before it opens it. */
  async function openInPage(file: string): Promise<void> {
    const target = window();
    if (!target || target.webContents.isLoading()) {
      waiting.push(file);
      return;
    }
    try {
      target.webContents.send(IPC_CHANNELS.openedFile, await read(file));
      remember(file);
    } catch (error) {
      await dialog.showMessageBox(target, { type: 'error', title: 'Could not open', message: `Could not open ${path.basename(file)}`, detail: String(error) });
    }
  }

  async function saveProject(event: IpcMainInvokeEvent, payload: unknown): Promise<SaveFileResult> {
    if (!isOurRenderer(event, paths)) return { state: 'failed', message: 'Could not save: the request did not come from the lab.' };
    const { file, saveAs } = (payload ?? {}) as { file?: unknown; saveAs?: unknown };
    const parsed = parseSaveRequest(file);
    if (!parsed.ok) return { state: 'failed', message: parsed.message };
    let target = saveAs === true ? undefined : current;
    if (!target) {
      const options: SaveDialogOptions = {
        title: 'Save the project',
        defaultPath: current ?? path.join(app.getPath('documents'), parsed.request.suggestedName),
        filters: PROJECT_FILTERS,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = BrowserWindow.fromWebContents(event.sender);
      const choice = await (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options));
      if (choice.canceled || !choice.filePath) return { state: 'cancelled' };
      target = choice.filePath;
    }
    try {
      await writeFileAtomicallyAsync(target, parsed.request.bytes);
    } catch (error) {
      return { state: 'failed', message: writeErrorMessage(target, error) };
    }
    current = target;
    remember(target);
    showTitle();
    return { state: 'saved', where: target };
  }

  async function openProject(event: IpcMainInvokeEvent): Promise<OpenedFile | null> {
    if (!isOurRenderer(event, paths)) return null;
    const options: OpenDialogOptions = {
      title: 'Open a project',
      filters: PROJECT_FILTERS,
      properties: ['openFile'],
      defaultPath: current && path.dirname(current),
    };
    const parent = BrowserWindow.fromWebContents(event.sender);
    const choice = await (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options));
    const file = choice.filePaths[0];
    if (choice.canceled || !file) return null;
    const opened = await read(file);
    remember(file);
    return opened;
  }

  return {
    name: 'project files',
    recent: () => recent,
    openRecent: (file) => void openInPage(file),
    clearRecent: () => {
      setRecent([]);
      app.clearRecentDocuments();
    },
    onRecentChange: (listener) => recentListeners.push(listener),
    send(command) {
      if (isLabCommandId(command)) window()?.webContents.send(IPC_CHANNELS.menuCommand, command);
    },
    enable() {
      // One app at a time: a file opened from the system while it runs goes to the window there is.
      if (!app.requestSingleInstanceLock()) {
        app.quit();
        return;
      }
      const fromArgv = projectFileFromArgv(process.argv, process.cwd(), app.isPackaged);
      if (fromArgv) waiting.push(fromArgv);
      app.on('second-instance', (_event, argv, cwd) => {
        const file = projectFileFromArgv(argv, cwd, app.isPackaged);
        const target = window();
        if (target?.isMinimized()) target.restore();
        target?.focus();
        if (file) void openInPage(file);
      });
      // macOS hands files over as an event, before and after the app is ready.
      app.on('open-file', (event, file) => {
        event.preventDefault();
        void openInPage(file);
      });
      app.on('browser-window-created', (_event, created) => {
        created.webContents.on('did-finish-load', () => {
          for (const file of waiting.splice(0)) void openInPage(file);
        });
      });
      void app.whenReady().then(async () => {
        recent = await readRecent(dataFile('recent-projects.json'));
        recentListeners.forEach((listener) => listener());
      });

      ipcMain.handle(IPC_CHANNELS.saveProject, saveProject);
      ipcMain.handle(IPC_CHANNELS.openProject, openProject);
      ipcMain.on(IPC_CHANNELS.projectOpened, (event: IpcMainEvent, file: unknown) => {
        if (!isOurRenderer(event, paths) || typeof file !== 'string' || !offered.has(file)) return;
        current = file;
        showTitle();
      });

      // The kept work: one file in the app's data folder, written atomically.
      ipcMain.handle(IPC_CHANNELS.autosaveRead, async (event: IpcMainInvokeEvent) => {
        if (!isOurRenderer(event, paths)) return null;
        return readFile(dataFile(AUTOSAVE_FILE_NAME), 'utf8').catch(() => null);
      });
      ipcMain.handle(IPC_CHANNELS.autosaveWrite, async (event: IpcMainInvokeEvent, text: unknown) => {
        if (!isOurRenderer(event, paths) || typeof text !== 'string' || text.length > MAX_SAVE_BYTES) return;
        await writeFileAtomicallyAsync(dataFile(AUTOSAVE_FILE_NAME), text);
      });
      ipcMain.on(IPC_CHANNELS.autosaveClear, (event: IpcMainEvent) => {
        if (isOurRenderer(event, paths)) void rm(dataFile(AUTOSAVE_FILE_NAME), { force: true });
      });
    },
  };
}
