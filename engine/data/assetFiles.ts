// Reads the app's data files from assets/ and the image files a data source names (Node only: engine child/utility processes, the CLI, tests).
import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataFiles } from './imageFolder.js';
import type { LabelledTable } from './labelledCsv.js';
import { decodeTableCache } from './tableCache.js';

/** The repository (or installed package) folder: the one that holds assets/ and dist/. */
function packageDirectory(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const compiled = basename(resolve(here, '../..')) === 'dist';
  return compiled ? resolve(here, '../../..') : resolve(here, '../..');
}

/** The assets folder: $BACKPROP_LAB_ASSETS if set, else the repository's assets/ next to dist/ (or next to engine/ when run from sources). */
export function assetsDirectory(): string {
  const fromEnvironment = process.env['BACKPROP_LAB_ASSETS'];
  if (fromEnvironment) return resolve(fromEnvironment);
  return join(packageDirectory(), 'assets');
}

/** Where the build keeps its parsed copy of the shipped CSV `fileName` (see tableCache.ts). */
export function tableCacheFile(fileName: string): string {
  return join(packageDirectory(), 'dist', 'tables', `${fileName}.table`);
}

/** The text of one asset file, e.g. "digits.csv". */
export function readAssetText(fileName: string): string {
  return readFileSync(join(assetsDirectory(), fileName), 'utf8');
}

/**
 * An asset file's table as the build parsed it, when its copy was made from the file as it is now (same size and
 * modification time); else the file's text, which the engine parses.
 */
export function readAssetTableOrText(fileName: string): LabelledTable | string {
  const file = join(assetsDirectory(), fileName);
  try {
    const { size, mtimeMs } = statSync(file);
    const table = decodeTableCache(readFileSync(tableCacheFile(fileName)), { bytes: size, mtimeMs });
    if (table) return table;
  } catch {
    // No copy (or no such asset): the text is read, and a missing file reported, as before.
  }
  return readFileSync(file, 'utf8');
}

/** The engine's access to the files a data source names (MNIST-format image folders), with one-line reasons when it fails. */
export const nodeDataFiles: DataFiles = {
  async kind(path) {
    try {
      const found = await stat(path);
      return found.isDirectory() ? 'folder' : 'file';
    } catch {
      return 'missing';
    }
  },
  async read(path) {
    try {
      const bytes = await readFile(path);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(`${path}: ${code === 'EACCES' ? 'cannot be read (permission denied)' : code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
  },
};
