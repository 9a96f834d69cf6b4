// Answers the renderer's "save this file": checks the request, asks where with a save dialog, writes atomically (main process).
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type SaveDialogOptions } from 'electron';
import path from 'node:path';
import type { SaveFileResult } from '../contract/saveFile.js';
import type { AppModule } from './appModule.js';
import type { AppPaths } from './appPaths.js';
import { writeFileAtomicallyAsync } from '../node/atomicWrite.js';
import { IPC_CHANNELS } from './ipcChannels.js';
import { parseSaveRequest, saveDialogFilters } from './saveRequest.js';
import { isOurRenderer } from './senderCheck.js';
import { writeErrorMessage } from './writeErrorMessage.js';

/** Handles IPC_CHANNELS.saveFile; the dialog opens in the folder last saved to, at first the user's Documents (or Downloads). */
export function fileSaver(paths: AppPaths): AppModule {
  return {
    name: 'file saver',
    enable() {
      let lastFolder: string | undefined;

      ipcMain.handle(IPC_CHANNELS.saveFile, async (event: IpcMainInvokeEvent, payload: unknown): Promise<SaveFileResult> => {
        if (!isOurRenderer(event, paths)) return { state: 'failed', message: 'Could not save: the request did not come from the lab.' };
        const parsed = parseSaveRequest(payload);
        if (!parsed.ok) return { state: 'failed', message: parsed.message };
        const { suggestedName, bytes } = parsed.request;

        let target: string;
        try {
          const options: SaveDialogOptions = {
            title: `Save ${suggestedName}`,
            defaultPath: path.join(lastFolder ?? startFolder(), suggestedName),
            filters: saveDialogFilters(suggestedName),
            properties: ['createDirectory', 'showOverwriteConfirmation'],
          };
          const parent = BrowserWindow.fromWebContents(event.sender);
          const choice = await (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options));
          if (choice.canceled || !choice.filePath) return { state: 'cancelled' };
          target = choice.filePath;
        } catch (error) {
          return { state: 'failed', message: `Could not save ${suggestedName}: the save dialog failed (${String(error)}).` };
        }

        try {
          await writeFileAtomicallyAsync(target, bytes);
        } catch (error) {
          return { state: 'failed', message: writeErrorMessage(target, error) };
        }
        lastFolder = path.dirname(target);
        return { state: 'saved', where: target };
      });
    },
  };
}

/** The user's Documents folder, or Downloads where there is none. */
function startFolder(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('downloads');
  }
}
