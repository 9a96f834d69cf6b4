// Finds and reads the four MNIST-format files of a folder (each plain or gzip-compressed) through the process's file access; pure, any process.
import { IDX_FILES } from './dataSetNames.js';
import { readIdxImages, type IdxImages } from './idx.js';

/** The file access an engine process gives the data loader (the engine itself reads no files). */
export interface DataFiles {
  /** What is at `path`. */
  kind(path: string): Promise<'file' | 'folder' | 'missing'>;
  /** A file's bytes; rejects with a sentence when it cannot be read. */
  read(path: string): Promise<Uint8Array>;
}

/** A folder's training and test images with their labels, and the names of the files they came from. */
export interface IdxFolder {
  folder: string;
  train: IdxImages;
  test: IdxImages;
  files: { trainImages: string; trainLabels: string; testImages: string; testLabels: string };
}

/** `name` inside `folder`, joined with a forward slash (which every platform's file system accepts). */
export function inFolder(folder: string, name: string): string {
  return `${folder.replace(/[\\/]+$/, '')}/${name}`;
}

/** Which of `name` and `name.gz` the folder holds (the plain file first); throws a sentence naming both when neither. */
async function findFile(files: DataFiles, folder: string, name: string): Promise<string> {
  for (const candidate of [name, `${name}.gz`]) {
    if ((await files.kind(inFolder(folder, candidate))) === 'file') return candidate;
  }
  throw new Error(`${inFolder(folder, name)}: no such file (nor ${name}.gz)`);
}

/**
 * Reads the four MNIST-format files of `folder`: train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte
 * and t10k-labels-idx1-ubyte, each as it is or with .gz.
 * @throws Error with one line naming the folder or file and what is wrong: a missing folder or file, a truncated file, a
 * wrong magic number, image and label counts that differ, training and test images of different sizes.
 */
export async function readIdxFolder(files: DataFiles, folder: string, missingHint?: string): Promise<IdxFolder> {
  const kind = await files.kind(folder);
  if (kind !== 'folder') {
    const why = kind === 'missing' ? 'no such folder' : 'is a file, not a folder of image files';
    throw new Error(`${folder}: ${why}${kind === 'missing' && missingHint ? ` (${missingHint})` : ''}`);
  }
  const names = {
    trainImages: await findFile(files, folder, IDX_FILES.trainImages),
    trainLabels: await findFile(files, folder, IDX_FILES.trainLabels),
    testImages: await findFile(files, folder, IDX_FILES.testImages),
    testLabels: await findFile(files, folder, IDX_FILES.testLabels),
  };
  const read = async (name: string) => ({ bytes: await files.read(inFolder(folder, name)), name: inFolder(folder, name) });
  const train = readIdxImages(await read(names.trainImages), await read(names.trainLabels));
  const test = readIdxImages(await read(names.testImages), await read(names.testLabels));
  if (train.height !== test.height || train.width !== test.width) {
    throw new Error(
      `${inFolder(folder, names.testImages)}: its images are ${test.height}×${test.width} but the training images are ${train.height}×${train.width}`,
    );
  }
  return { folder, train, test, files: names };
}
