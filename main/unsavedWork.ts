// Asks before a page with unsaved work is closed or reloaded (main process): the page's beforeunload becomes main's dialog.
//
// Electron shows no prompt of its own for a page's beforeunload: it cancels the unload and tells main, which asks here;
// "Close Without Saving" lets the unload go on (and so the close or reload the person asked for).
import { app, BrowserWindow, dialog } from 'electron';
import type { AppModule } from './appModule.js';
import { leaveDialogOptions, shouldLeave } from './leaveDecision.js';

export function unsavedWork(): AppModule {
  return {
    name: 'unsaved work',
    enable() {
      app.on('web-contents-created', (_event, contents) => {
        contents.on('will-prevent-unload', (event) => {
          const window = BrowserWindow.fromWebContents(contents);
          const response = window ? dialog.showMessageBoxSync(window, leaveDialogOptions()) : dialog.showMessageBoxSync(leaveDialogOptions());
          if (shouldLeave(response)) event.preventDefault();
        });
      });
    },
  };
}
