// Tells whether an IPC message came from the main frame of our own renderer page (main process).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';

/** The page the lab loads: the built renderer's file, or in a development run the dev server's address. */
export interface RendererPage {
  rendererIndex: string;
  devRendererUrl?: URL | undefined;
}

/** Whether `frameUrl` is the lab's own page: the built index.html, or a page of the development run's dev server. */
export function isRendererUrl(frameUrl: string, page: RendererPage): boolean {
  const url = new URL(frameUrl);
  if (page.devRendererUrl) return url.origin === page.devRendererUrl.origin;
  if (url.protocol !== 'file:') return false;
  url.hash = '';
  url.search = '';
  return path.resolve(fileURLToPath(url)) === path.resolve(page.rendererIndex);
}

/** Only the main frame of the lab's own page may ask main for anything. */
export function isOurRenderer(event: IpcMainEvent | IpcMainInvokeEvent, page: RendererPage): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return isRendererUrl(frame.url, page);
}
