// The project files opened or saved lately, for File › Open Recent (main process; plain Node): newest first, kept in the app's data folder.
import { readFile } from 'node:fs/promises';
import { writeFileAtomicallyAsync } from '../node/atomicWrite.js';

/** At most this many are listed. */
export const MAX_RECENT = 10;

/** The list with `file` first, once, and at most MAX_RECENT long. */
export function withRecent(list: readonly string[], file: string): string[] {
  return [file, ...list.filter((entry) => entry !== file)].slice(0, MAX_RECENT);
}

/** The list read from `file`; a missing or damaged file is an empty list. */
export async function readRecent(file: string): Promise<string[]> {
  try {
    const json: unknown = JSON.parse(await readFile(file, 'utf8'));
    return Array.isArray(json) ? json.filter((entry): entry is string => typeof entry === 'string').slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

export async function writeRecent(file: string, list: readonly string[]): Promise<void> {
  await writeFileAtomicallyAsync(file, `${JSON.stringify(list)}\n`);
}
