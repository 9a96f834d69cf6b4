// Removes the temporary files and staging folders an earlier, interrupted write of this app left behind (plain Node: the main process and the CLI).
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The names writeFileAtomically and the CLI's run folders give their temporary entries: `.NAME.PID.HEX.tmp` or `.partial`. */
const TEMPORARY_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.(tmp|partial)$/;

/** An entry older than this is stale even if a process with its id is alive now (ids are reused). */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/** Whether a process with this id is running (signal 0 checks without sending anything). */
function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes from `folder` (not its subfolders) every temporary entry of this app whose writer is no longer running, or that is
 * older than STALE_AFTER_MS; returns the names removed. A folder that cannot be read is left alone.
 */
export function removeStaleTemporaryFiles(folder: string, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMPORARY_NAME.exec(name);
    if (!match) continue;
    const path = join(folder, name);
    const age = now - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? now);
    if (processAlive(Number(match[1])) && age < STALE_AFTER_MS) continue;
    rmSync(path, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
