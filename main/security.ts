// Locks every renderer down: sandboxed, no navigation, no new windows, no webviews, no permissions (main process).
// The Content-Security-Policy itself is the renderer page's <meta> tag, next to the code it constrains.
import { app, session, type WebContents } from 'electron';
import type { AppModule } from './appModule.js';

export function securityRestrictions(): AppModule {
  return {
    name: 'security restrictions',
    enable() {
      // Every renderer gets the OS sandbox, whatever its webPreferences say.
      app.enableSandbox();
      app.on('web-contents-created', (_event, contents) => restrictContents(contents));
      void app.whenReady().then(() => {
        session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
        session.defaultSession.setPermissionCheckHandler(() => false);
      });
    },
  };
}

/** The lab is one local page: nothing may navigate away from it, open a window or embed a webview. */
function restrictContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
