// The folder dialog for image files: its options from the folder the page has now, and the folder its answer names (main process; plain data, no Electron).
import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import path from 'node:path';

/** Longer paths than this from the page are not taken as a place to open the dialog at. */
const MAX_PATH_LENGTH = 4096;

/**
 * The dialog's options: one folder, opening at `current` when the page sends an absolute path (the folder chosen or typed
 * before), else at `fallback`.
 */
export function imageFolderDialogOptions(current: unknown, fallback: string | undefined): OpenDialogOptions {
  const usable = typeof current === 'string' && current.length <= MAX_PATH_LENGTH && !current.includes('\0') && path.isAbsolute(current) ? current : undefined;
  const start = usable ?? fallback;
  return {
    title: 'Open image files',
    message:
      'Choose a folder holding train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (each may end in .gz)',
    buttonLabel: 'Open folder',
    properties: ['openDirectory', 'dontAddToRecent'],
    ...(start ? { defaultPath: start } : {}),
  };
}

/** The folder the dialog's answer names, or null when it was closed without one. */
export function chosenFolder(answer: Pick<OpenDialogReturnValue, 'canceled' | 'filePaths'>): string | null {
  const folder = answer.filePaths[0];
  return answer.canceled || !folder ? null : folder;
}
