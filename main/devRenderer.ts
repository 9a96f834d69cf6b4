// Where a development run of the desktop app loads its page from: Vite's dev server on a loopback address (main process).

/** The environment variable `npm run dev:electron` sets to the dev server's address. */
export const DEV_RENDERER_VARIABLE = 'BACKPROP_LAB_DEV_URL';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The dev server's address when a development run asks for one, else undefined (the built page is loaded). A packaged
 * app never loads a page from a server, and a development run only from plain http on this machine's loopback address.
 * @throws Error when the variable is set to anything else, so a mistyped address is not silently ignored.
 */
export function devRendererUrl(value: string | undefined, packaged: boolean): URL | undefined {
  if (packaged || value === undefined || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${DEV_RENDERER_VARIABLE} is not an address: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`${DEV_RENDERER_VARIABLE} must be an http:// address on 127.0.0.1 or localhost, not ${url.href}`);
  }
  return url;
}
