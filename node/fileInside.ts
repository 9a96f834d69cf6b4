// Maps a request path to a file inside a folder and refuses what leaves it, symbolic links included (plain Node: the browser host and the main process).
import { realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

/**
 * Maps a request path to a file inside `root`, or undefined when it would leave the folder or is malformed.
 * `/` means `index.html`. Percent-escapes are decoded before the check, so `..%2f` cannot slip past it.
 */
export function resolveInside(root: string, requestPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return undefined;
  const relative = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const base = resolve(root);
  const file = resolve(base, `.${relative}`);
  return file.startsWith(base + sep) ? file : undefined;
}

/** Whether a request path names a file, after every symbolic link is followed, still inside `root`. */
export type RealFile = { kind: 'file'; path: string } | { kind: 'outside' } | { kind: 'missing' } | { kind: 'malformed' };

/** Resolves `requestPath` under `root` to a real path and checks that it has not left `root` through a symbolic link. */
export async function realFileInside(root: string, requestPath: string): Promise<RealFile> {
  const file = resolveInside(root, requestPath);
  if (!file) return { kind: 'malformed' };
  const [realRoot, real] = await Promise.all([realpath(root).catch(() => undefined), realpath(file).catch(() => undefined)]);
  if (!realRoot || !real) return { kind: 'missing' };
  return real.startsWith(realRoot + sep) ? { kind: 'file', path: real } : { kind: 'outside' };
}
