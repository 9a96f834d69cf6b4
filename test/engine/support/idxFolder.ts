// Test support (Node): a small folder of MNIST-format files cut from the installed Fashion-MNIST files, gzip-compressed or not.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'fflate';
import { IDX_FILES, IMAGE_DATA_SETS } from '../../../engine/data/dataSetNames.js';

/** Where Debian's dataset-fashion-mnist installs the files, and whether they are there. */
export const FASHION_FOLDER = IMAGE_DATA_SETS['fashion-mnist'].folder;
export const fashionInstalled = (): boolean => existsSync(join(FASHION_FOLDER, `${IDX_FILES.trainImages}.gz`));

/** The first `count` items of an installed IDX file (its header's first dimension set to `count`). */
function firstItems(file: string, count: number): Uint8Array {
  const raw = gunzipSync(readFileSync(join(FASHION_FOLDER, `${file}.gz`)));
  const dimensions = raw[3]!;
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  let itemBytes = 1;
  for (let i = 1; i < dimensions; i++) itemBytes *= view.getUint32(4 + 4 * i, false);
  const header = 4 + 4 * dimensions;
  const cut = raw.slice(0, header + count * itemBytes);
  new DataView(cut.buffer).setUint32(4, count, false);
  return cut;
}

/**
 * Writes the four files of a folder holding the first `train` and `test` Fashion-MNIST images with their labels, under
 * MNIST's names (with .gz when `gzip`); answers the files' names and bytes.
 */
export async function writeIdxFolder(folder: string, sizes: { train: number; test: number; gzip?: boolean }): Promise<Record<string, Uint8Array>> {
  await mkdir(folder, { recursive: true });
  const files: Record<string, Uint8Array> = {};
  for (const [key, name] of Object.entries(IDX_FILES)) {
    const items = firstItems(name, key.startsWith('train') ? sizes.train : sizes.test);
    const fileName = sizes.gzip ? `${name}.gz` : name;
    files[fileName] = sizes.gzip ? gzipSync(items) : items;
    await writeFile(join(folder, fileName), files[fileName]!);
  }
  return files;
}
