// Reads the app's data files from assets/ (Node only: engine child/utility processes, the CLI, tests).
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
