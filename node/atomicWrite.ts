// Writes a file atomically: a temporary file beside it, flushed, then renamed over it (plain Node: the main process and the CLI).
// A failure never leaves half a file: the previous file stays whole and the temporary file is removed.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A hidden, unique name in the target's own folder, so the rename never crosses file systems. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** The permission bits of the file being replaced, so a new version keeps them; undefined for a new file. */
function existingMode(stats: { isFile(): boolean; mode: number } | undefined): number | undefined {
  return stats?.isFile() ? stats.mode & 0o7777 : undefined;
}

/** Writes `contents` to `path` (blocking; for the CLI); the previous file stays whole until the new one is complete. */
export function writeFileAtomically(path: string, contents: string | Uint8Array): void {
  const temporary = temporaryPathFor(path);
  const mode = existingMode(statSync(path, { throwIfNoEntry: false }));
  let created = false;
  try {
    const fd = openSync(temporary, 'wx', mode ?? 0o666);
    created = true;
    try {
      const bytes = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
      for (let written = 0; written < bytes.byteLength;) written += writeSync(fd, bytes, written, bytes.byteLength - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    if (created) rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes `contents` to `path` without blocking (for the main process); same guarantees as writeFileAtomically. */
export async function writeFileAtomicallyAsync(path: string, contents: string | Uint8Array): Promise<void> {
  const temporary = temporaryPathFor(path);
  const mode = existingMode(await stat(path).catch(() => undefined));
  let created = false;
  try {
    const handle = await open(temporary, 'wx', mode ?? 0o666);
    created = true;
    try {
      await handle.writeFile(contents);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    if (created) await rm(temporary, { force: true });
    throw error;
  }
}
