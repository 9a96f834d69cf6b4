// Tells whether an IPC message came from the main frame of our own renderer page (main process).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';

/** Only the main frame of the built renderer page, loaded from its file, may ask main for anything. */
export function isOurRenderer(event: IpcMainEvent | IpcMainInvokeEvent, rendererIndex: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  const url = new URL(frame.url);
  if (url.protocol !== 'file:') return false;
  url.hash = '';
  url.search = '';
  return path.resolve(fileURLToPath(url)) === path.resolve(rendererIndex);
}
