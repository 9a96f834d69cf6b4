// Answers the page's "choose a folder of image files" with the system's folder dialog; the engine reads the folder (main process).
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { AppModule } from './appModule.js';
import type { AppPaths } from './appPaths.js';
import { chosenFolder, imageFolderDialogOptions } from './folderDialog.js';
import { IPC_CHANNELS } from './ipcChannels.js';
import { isOurRenderer } from './senderCheck.js';

/** Handles IPC_CHANNELS.chooseImageFolder; the dialog opens at the page's folder, else at the one chosen last, at first the home folder. */
export function imageFolderDialog(paths: AppPaths): AppModule {
  return {
    name: 'image folder dialog',
    enable() {
      let lastFolder: string | undefined;
      ipcMain.handle(IPC_CHANNELS.chooseImageFolder, async (event: IpcMainInvokeEvent, current: unknown): Promise<string | null> => {
        if (!isOurRenderer(event, paths)) return null;
        const options = imageFolderDialogOptions(current, lastFolder ?? app.getPath('home'));
        const parent = BrowserWindow.fromWebContents(event.sender);
        const folder = chosenFolder(await (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options)));
        if (folder) lastFolder = folder;
        return folder;
      });
    },
  };
}
