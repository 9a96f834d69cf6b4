// The desktop app's own scheme, app://lab/: the built renderer's files with a path check and the desktop policy (main process).
// The page never loads from file://, so it gets no file-system privileges, and its Content-Security-Policy allows no network origin.
import { app, protocol } from 'electron';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readMetaPolicy } from '../host/contentSecurityPolicy.js';
import type { AppModule } from './appModule.js';
import type { AppPaths } from './appPaths.js';
import { APP_SCHEME, appResponse, desktopPolicy } from './appResponse.js';

/** Registers app:// as a standard, secure scheme (before ready, as Electron requires), then serves the renderer's folder on it. */
export function appProtocol(paths: AppPaths): AppModule {
  return {
    name: 'app protocol',
    enable() {
      protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
      void app.whenReady().then(() => {
        const policy = desktopPolicy(readMetaPolicy(readFileSync(paths.rendererIndex, 'utf8')));
        const root = dirname(paths.rendererIndex);
        protocol.handle(APP_SCHEME, (request) => appResponse(root, request.url, policy));
      });
    },
  };
}
