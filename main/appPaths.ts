// Where the main process finds the renderer, the preload, the engine's entry and the assets, in dev and packaged (main process).
import { app } from 'electron';
import path from 'node:path';
import { DEV_RENDERER_VARIABLE, devRendererUrl } from './devRenderer.js';

export interface AppPaths {
  /** The built renderer page. */
  rendererIndex: string;
  /** The compiled preload script (CommonJS: sandboxed preloads cannot load ES modules). */
  preload: string;
  /** The engine's utility-process entry. */
  engineEntry: string;
  /** The folder of data files the engine reads at run time: a plain folder outside the asar archive when packaged. */
  assets: string;
  /** The window icon (used on Linux; macOS and Windows take theirs from the package). */
  icon: string;
  /** In a development run (`npm run dev:electron`), the dev server whose page is loaded instead of rendererIndex. */
  devRendererUrl: URL | undefined;
}

/** Resolves the paths from this file's own place in dist/main, so they hold in `electron .` and inside app.asar alike. */
export function resolveAppPaths(): AppPaths {
  const distDir = path.resolve(import.meta.dirname, '..');
  // Packaged, electron.config.ts copies assets/ next to app.asar (extraResources), where any process can read it.
  const assets = app.isPackaged ? path.join(process.resourcesPath, 'assets') : path.join(app.getAppPath(), 'assets');
  return {
    rendererIndex: path.join(distDir, 'renderer', 'index.html'),
    preload: path.join(distDir, 'main', 'preload.cjs'),
    engineEntry: path.join(distDir, 'engine', 'worker', 'utilityProcessEntry.js'),
    assets,
    icon: path.join(assets, 'icon.png'),
    devRendererUrl: devRendererUrl(process.env[DEV_RENDERER_VARIABLE], app.isPackaged),
  };
}
