// What app://lab/… answers: a file of the built renderer, never one outside its folder, with the desktop's policy (plain Node, used by main).
import { readFile } from 'node:fs/promises';
import { buildHeaderPolicy } from '../host/contentSecurityPolicy.js';
import { mimeTypeOf } from '../host/staticFiles.js';
import { realFileInside, resolveInside, type RealFile } from '../node/fileInside.js';

/** The scheme and host of the lab's page in the desktop app. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'lab';
/** The address the window loads. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The desktop page's policy: the page's own, with connect-src 'self' alone (no WebSocket, no network origin) and no framing. */
export function desktopPolicy(metaPolicy: string | undefined): string {
  return buildHeaderPolicy(metaPolicy, []);
}

function plain(status: number, text: string, policy: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': policy } });
}

/** Whether `root` lies inside an asar archive: its files are Electron's virtual ones, read-only and checked by the archive's integrity fuse. */
function inArchive(root: string): boolean {
  return /\.asar([\\/]|$)/.test(root);
}

/** The file a path names: inside an archive by the path alone (an archive holds no links out), elsewhere after following every link. */
async function findFile(root: string, pathname: string): Promise<RealFile> {
  if (!inArchive(root)) return realFileInside(root, pathname);
  const file = resolveInside(root, pathname);
  return file ? { kind: 'file', path: file } : { kind: 'malformed' };
}

/**
 * The answer to a request for `url` on app://: the file under `root` it names (symbolic links followed, and refused if they
 * lead out), with its MIME type and `policy`; 400 for another host or a malformed path, 403 outside, 404 for none.
 */
export async function appResponse(root: string, url: string, policy: string): Promise<Response> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return plain(400, 'bad address\n', policy);
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return plain(400, 'not the lab\n', policy);
  const found = await findFile(root, parsed.pathname);
  if (found.kind === 'malformed') return plain(400, 'bad path\n', policy);
  if (found.kind === 'outside') return plain(403, 'outside the app\n', policy);
  const bytes = found.kind === 'file' ? await readFile(found.path).catch(() => undefined) : undefined;
  if (!bytes) return plain(404, 'not found\n', policy);
  return new Response(bytes, {
    status: 200,
    headers: { 'Content-Type': mimeTypeOf(found.kind === 'file' ? found.path : ''), 'Content-Security-Policy': policy, 'X-Content-Type-Options': 'nosniff' },
  });
}
