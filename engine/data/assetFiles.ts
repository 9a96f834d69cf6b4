// Reads the app's data files from assets/ and the image files a data source names (Node only: engine child/utility processes, the CLI, tests).
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataFiles } from './imageFolder.js';

/** The assets folder: $BACKPROP_LAB_ASSETS if set, else the repository's assets/ next to dist/ (or next to engine/ when run from sources). */
export function assetsDirectory(): string {
  const fromEnvironment = process.env['BACKPROP_LAB_ASSETS'];
  if (fromEnvironment) return resolve(fromEnvironment);
  const here = dirname(fileURLToPath(import.meta.url));
  const compiled = basename(resolve(here, '../..')) === 'dist';
  const repository = compiled ? resolve(here, '../../..') : resolve(here, '../..');
  return join(repository, 'assets');
}

/** The text of one asset file, e.g. "digits.csv". */
export function readAssetText(fileName: string): string {
  return readFileSync(join(assetsDirectory(), fileName), 'utf8');
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
