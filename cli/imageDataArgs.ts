// Turns --data fashion-mnist or idx:DIR, --train-size and --test-size into an image data source and its shape (Node, the CLI process).
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDX_FILES, IMAGE_DATA_SETS, IMAGE_DATA_SET_NAMES, type ImageDataSetName } from '../engine/data/dataSetNames.js';
import type { ImageDataSource } from '../engine/data/dataSource.js';
import { isGzip, parseIdxHeader } from '../engine/data/idx.js';
import { inFolder } from '../engine/data/imageFolder.js';
import { UsageError } from './usageError.js';

/** The bytes of a file's start read to find its IDX header (a gzip stream gives its first block from them). */
const HEAD_BYTES = 64 * 1024;

/** The first bytes of a file, decompressed when it is gzip (as far as they go). */
async function headOf(path: string): Promise<Uint8Array> {
  const descriptor = openSync(path, 'r');
  const head = new Uint8Array(HEAD_BYTES);
  const length = readSync(descriptor, head, 0, HEAD_BYTES, 0);
  closeSync(descriptor);
  const bytes = head.subarray(0, length);
  if (!isGzip(bytes)) return bytes;
  const { Gunzip } = await import('fflate');
  const chunks: Uint8Array[] = [];
  try {
    new Gunzip((chunk) => chunks.push(chunk)).push(bytes, false);
  } catch (error) {
    throw new Error(`${path}: the gzip stream is damaged (${(error as Error).message})`);
  }
  return chunks[0] ?? new Uint8Array(0);
}

/** A folder's training images' C×H×W, from the header of train-images-idx3-ubyte[.gz]; a sentence naming the folder or file when it cannot. */
async function folderImageShape(folder: string): Promise<[number, number, number]> {
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new Error(`${folder}: no such folder`);
  }
  if (!isFolder) throw new Error(`${folder}: is a file, not a folder of image files`);
  const name = IDX_FILES.trainImages;
  const file = [name, `${name}.gz`].map((candidate) => inFolder(folder, candidate)).find((path) => statSync(path, { throwIfNoEntry: false })?.isFile());
  if (!file) throw new Error(`${inFolder(folder, name)}: no such file (nor ${name}.gz)`);
  const { dimensions } = parseIdxHeader(await headOf(file), file, 3);
  return [1, dimensions[1]!, dimensions[2]!];
}

/** A --train-size or --test-size value: a whole number of at least 1. */
function subsetSize(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < 1)
    throw new UsageError(`${flag}: ${JSON.stringify(text)} is not a whole number of images (1 or more)`);
  return value;
}

/** Whether --data names image files: a known image data set or idx:DIR. */
export function isImageData(data: string): boolean {
  return data.startsWith('idx:') || (IMAGE_DATA_SET_NAMES as readonly string[]).includes(data);
}

/**
 * The image data source --data names (fashion-mnist, or idx:DIR for any folder of MNIST-format files) with
 * --train-size and --test-size, and its images' shape; the data's own problems (a missing folder, damaged files)
 * are UsageErrors naming the file.
 */
export async function parseImageDataArgs(
  data: string,
  sizes: { trainSize: string | undefined; testSize: string | undefined },
): Promise<{ source: ImageDataSource; imageShape: readonly [number, number, number] }> {
  const trainSize = subsetSize('--train-size', sizes.trainSize);
  const testSize = subsetSize('--test-size', sizes.testSize);
  const subset = { ...(trainSize !== undefined ? { trainSize } : {}), ...(testSize !== undefined ? { testSize } : {}) };
  if (!data.startsWith('idx:')) {
    const set = data as ImageDataSetName;
    return { source: { kind: 'images', set, ...subset }, imageShape: IMAGE_DATA_SETS[set].imageShape };
  }
  const given = data.slice('idx:'.length);
  if (given.trim() === '') throw new UsageError('--data idx:DIR: give the folder that holds the MNIST-format files, e.g. idx:./mnist');
  const folder = resolve(given);
  try {
    return { source: { kind: 'images', folder, ...subset }, imageShape: await folderImageShape(folder) };
  } catch (error) {
    throw new UsageError(`--data: ${(error as Error).message}`);
  }
}
