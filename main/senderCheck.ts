// Tells whether an IPC message came from the main frame of our own renderer page (main process).
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { APP_PAGE_URL } from './appResponse.js';

/** The page the lab loads: app://lab/index.html, or in a development run the dev server's address. */
export interface RendererPage {
  devRendererUrl?: URL | undefined;
}

/** Whether `frameUrl` is the lab's own page: app://lab/index.html, or a page of the development run's dev server. */
export function isRendererUrl(frameUrl: string, page: RendererPage): boolean {
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (page.devRendererUrl) return url.origin === page.devRendererUrl.origin;
  url.hash = '';
  url.search = '';
  return url.href === APP_PAGE_URL;
}

/** Only the main frame of the lab's own page may ask main for anything. */
export function isOurRenderer(event: IpcMainEvent | IpcMainInvokeEvent, page: RendererPage): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return isRendererUrl(frame.url, page);
}
