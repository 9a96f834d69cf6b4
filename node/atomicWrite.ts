// Writes a file atomically: a temporary file beside it, flushed, then renamed over it (plain Node: the main process and the CLI).
// A failure never leaves half a file: the previous file stays whole and the temporary file is removed; after the rename the
// folder itself is flushed, so the new name survives a power cut.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A hidden, unique name in the target's own folder, so the rename never crosses file systems. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Flushes a folder's entries to disk (a rename is durable only then); a no-op where folders cannot be opened (Windows). */
export function fsyncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms and file systems refuse to open or flush a folder; the rename itself has still happened.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The same as fsyncFolder, without blocking. */
async function fsyncFolderAsync(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // As in fsyncFolder.
  }
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
    fsyncFolder(dirname(path));
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
    await fsyncFolderAsync(dirname(path));
  } catch (error) {
    if (created) await rm(temporary, { force: true });
    throw error;
  }
}
