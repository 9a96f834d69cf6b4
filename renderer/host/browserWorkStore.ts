// Renderer: the browser host's WorkStore — the last session's unsaved work kept in the host's data folder over HTTP (GET, PUT, DELETE).
import type { WorkStore } from '../../contract/labHost.js';
import { blobInSlices } from '../saving/textInSlices.js';

/**
 * Kept by the server, not in the browser's own storage: the host picks a free port each time it starts, and a browser
 * keeps storage per address, so work kept in the page would not be found by the next start.
 */
export function createBrowserWorkStore(url: URL): WorkStore {
  return {
    async read() {
      const response = await fetch(url, { cache: 'no-store' });
      if (response.status === 204 || response.status === 404) return null;
      if (!response.ok) throw new Error(`the lab's server answered ${response.status} when asked for the kept work`);
      return response.text();
    },
    async write(text) {
      // Kept in the background while the labs work: a large project's text is sent as a Blob made in slices.
      const response = await fetch(url, { method: 'PUT', body: await blobInSlices(text, 'application/json') });
      if (!response.ok) throw new Error(`the lab's server could not keep the work (${response.status}): ${(await response.text()).trim()}`);
    },
    clear() {
      // keepalive lets the request finish while the page unloads.
      void fetch(url, { method: 'DELETE', keepalive: true }).catch(() => undefined);
    },
  };
}
