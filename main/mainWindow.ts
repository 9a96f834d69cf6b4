// The lab's one window: sandboxed, context-isolated, no Node in the page, loading the built renderer from app://lab/, at the size and place it had last time (main process).
import { app, BrowserWindow, nativeTheme, screen } from 'electron';
import path from 'node:path';
import type { AppModule } from './appModule.js';
import type { AppPaths } from './appPaths.js';
import { APP_PAGE_URL } from './appResponse.js';
import { fitToScreens, MIN_SIZE, readWindowState, writeWindowState } from './windowState.js';

/** Opens the window once the app is ready, and again on macOS when the dock icon is clicked with none open. */
export function mainWindow(paths: AppPaths): AppModule {
  return {
    name: 'main window',
    enable() {
      void app.whenReady().then(() => createWindow(paths));
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) void createWindow(paths);
      });
      app.on('window-all-closed', () => {
        if (process.platform !== 'darwin') app.quit();
      });
    },
  };
}

/** How long the window rests after a move or resize before its place is written. */
const SAVE_DELAY_MS = 500;

async function createWindow(paths: AppPaths): Promise<BrowserWindow> {
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const placed = fitToScreens(
    await readWindowState(stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    title: 'Backprop Lab',
    ...placed.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    // The page's own ground in either theme, so the window does not flash white before a dark page.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#12161c' : '#f4f6f9',
    icon: paths.icon,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => {
    if (placed.maximized) window.maximize();
    window.show();
  });
  let saving: ReturnType<typeof setTimeout> | undefined;
  const keepPlace = () => {
    clearTimeout(saving);
    saving = setTimeout(() => {
      if (window.isDestroyed() || window.isMinimized()) return;
      void writeWindowState(stateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() }).catch(() => undefined);
    }, SAVE_DELAY_MS);
  };
  window.on('resize', keepPlace);
  window.on('move', keepPlace);
  window.on('maximize', keepPlace);
  window.on('unmaximize', keepPlace);
  window.on('close', () => {
    clearTimeout(saving);
    void writeWindowState(stateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() }).catch(() => undefined);
  });
  const page = paths.devRendererUrl;
  const loading = window.loadURL(page ? page.href : APP_PAGE_URL);
  loading.catch((error: unknown) => {
    const where = page ? `the dev server at ${page.href}` : `${paths.rendererIndex}; run "npm run build"`;
    console.error(`Backprop Lab: cannot load the renderer (${where}). ${String(error)}`);
  });
  return window;
}
