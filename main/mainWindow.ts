// The lab's one window: sandboxed, context-isolated, no Node in the page, loading the built renderer from app://lab/ (main process).
import { app, BrowserWindow } from 'electron';
import type { AppModule } from './appModule.js';
import type { AppPaths } from './appPaths.js';
import { APP_PAGE_URL } from './appResponse.js';

/** Opens the window once the app is ready, and again on macOS when the dock icon is clicked with none open. */
export function mainWindow(paths: AppPaths): AppModule {
  return {
    name: 'main window',
    enable() {
      void app.whenReady().then(() => createWindow(paths));
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) createWindow(paths);
      });
      app.on('window-all-closed', () => {
        if (process.platform !== 'darwin') app.quit();
      });
    },
  };
}

function createWindow(paths: AppPaths): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Backprop Lab',
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
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
  window.once('ready-to-show', () => window.show());
  const page = paths.devRendererUrl;
  const loading = window.loadURL(page ? page.href : APP_PAGE_URL);
  loading.catch((error: unknown) => {
    const where = page ? `the dev server at ${page.href}` : `${paths.rendererIndex}; run "npm run build"`;
    console.error(`Backprop Lab: cannot load the renderer (${where}). ${String(error)}`);
  });
  return window;
}
