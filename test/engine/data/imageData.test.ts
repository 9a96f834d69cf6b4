// Image data from MNIST-format folders: the data-set definitions, Fashion-MNIST prepared from its installed files with subsets and normalisations, damaged folders in one line each, and the budget held before the images are allocated.
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeDataFiles, readAssetText } from '../../../engine/data/assetFiles.js';
import { FASHION_MNIST_CLASSES, IDX_FILES, IMAGE_DATA_SETS, imageDataSetInFolder, recogniseImageDataSet } from '../../../engine/data/dataSetNames.js';
import { createDataLoader } from '../../../engine/data/dataSets.js';
import { DataSourceSchema } from '../../../engine/data/dataSource.js';
import { createEngineService } from '../../../engine/worker/engineService.js';
import type { EngineEvent } from '../../../engine/protocol/index.js';

const FASHION = IMAGE_DATA_SETS['fashion-mnist'];
const NO_FASHION = `Fashion-MNIST is not installed at ${FASHION.folder} (Debian's dataset-fashion-mnist): the real files were not read`;
const installed = existsSync(join(FASHION.folder, `${IDX_FILES.trainImages}.gz`));

/** An IDX file of unsigned bytes with the given dimensions and values. */
function idx(dimensions: number[], values: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * dimensions.length + values.length);
  const view = new DataView(bytes.buffer);
  bytes.set([0, 0, 0x08, dimensions.length]);
  dimensions.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  bytes.set(Array.from(values), 4 + 4 * dimensions.length);
  return bytes;
}

/** A folder of four small MNIST-format files: `train` and `test` 2×2 images whose pixels are their index, labels cycling 0–9. */
async function smallFolder(root: string, name: string, train = 12, test = 6): Promise<string> {
  const folder = join(root, name);
  await import('node:fs/promises').then((fs) => fs.mkdir(folder));
  const images = (count: number) =>
    idx(
      [count, 2, 2],
      Array.from({ length: count * 4 }, (_, i) => Math.floor(i / 4) % 256),
    );
  const labels = (count: number) =>
    idx(
      [count],
      Array.from({ length: count }, (_, i) => i % 10),
    );
  await writeFile(join(folder, IDX_FILES.trainImages), images(train));
  await writeFile(join(folder, `${IDX_FILES.trainLabels}.gz`), gzipSync(labels(train)));
  await writeFile(join(folder, IDX_FILES.testImages), images(test));
  await writeFile(join(folder, IDX_FILES.testLabels), labels(test));
  return folder;
}

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'backprop-lab-idx-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the image data sets', () => {
  it('defines Fashion-MNIST once: its Debian folder, ten class names in label order, 1×28×28 images and its split', () => {
    expect(FASHION.folder).toBe('/usr/share/datasets/fashion-mnist');
    expect(FASHION.classes).toEqual(['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']);
    expect(FASHION.classes).toBe(FASHION_MNIST_CLASSES);
    expect(FASHION.imageShape).toEqual([1, 28, 28]);
    expect([FASHION.trainSize, FASHION.testSize]).toEqual([60000, 10000]);
    expect(imageDataSetInFolder('/usr/share/datasets/fashion-mnist/')).toBe('fashion-mnist');
  });

  it('accepts a known set or a folder, never both, and whole subset sizes of at least 1', () => {
    expect(DataSourceSchema.safeParse({ kind: 'images', set: 'fashion-mnist', trainSize: 100 }).success).toBe(true);
    expect(DataSourceSchema.safeParse({ kind: 'images', folder: '/data/mnist' }).success).toBe(true);
    expect(DataSourceSchema.safeParse({ kind: 'images', set: 'fashion-mnist', folder: '/data/mnist' }).success).toBe(false);
    expect(DataSourceSchema.safeParse({ kind: 'images', set: 'fashion-mnist', trainSize: 0 }).success).toBe(false);
    expect(DataSourceSchema.safeParse({ kind: 'images', set: 'fashion-mnist', testSize: 2.5 }).success).toBe(false);
  });
});

describe('a folder of MNIST-format files', () => {
  const load = createDataLoader(readAssetText, undefined, nodeDataFiles);

  it("keeps the files' split, takes a seeded subset of the training images and the whole test file, pixels in [0, 1]", async () => {
    const folder = await smallFolder(root, 'small');
    const data = await load({ kind: 'images', folder, trainSize: 5 }, { trainFraction: 0.5, seed: 3 });
    expect(data.name).toBe(`idx:${folder}`);
    expect(data.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(data.image).toEqual({ width: 2, height: 2 });
    expect([data.train.size, data.test.size, data.inputs, data.outputs]).toEqual([5, 6, 4, 10]);
    expect(data.split.files).toEqual({ train: IDX_FILES.trainImages, test: IDX_FILES.testImages });
    expect(Array.from(data.split.test)).toEqual([0, 1, 2, 3, 4, 5]);
    const rows = Array.from(data.split.train);
    expect(new Set(rows).size).toBe(5);
    // Image i has every pixel equal to i: the features say which training row each sample is, scaled by 1/255.
    rows.forEach((row, i) => {
      expect(Array.from(data.train.features.subarray(i * 4, i * 4 + 4))).toEqual([row / 255, row / 255, row / 255, row / 255]);
      expect(data.train.labels[i]).toBe(row % 10);
      expect(data.train.targets[i * 10 + (row % 10)]).toBe(1);
    });
    const again = await load({ kind: 'images', folder, trainSize: 5 }, { trainFraction: 0.5, seed: 3 });
    expect(Array.from(again.split.train)).toEqual(rows);
    const standardised = await load({ kind: 'images', folder, testSize: 3 }, { trainFraction: 0.5, seed: 3, normalisation: 'standardize' });
    expect(standardised.test.size).toBe(3);
    const mean = standardised.train.features.filter((_, i) => i % 4 === 0).reduce((a, b) => a + b, 0) / standardised.train.size;
    expect(Math.abs(mean)).toBeLessThan(1e-12);
  });

  it('names the folder or the file and what is wrong, in one line', async () => {
    const problem = async (folder: string, source: object = {}) =>
      load({ kind: 'images', folder, ...source }, { trainFraction: 0.5, seed: 1 }).then(
        () => 'no error',
        (error: Error) => error.message,
      );
    expect(await problem(join(root, 'absent'))).toBe(`${join(root, 'absent')}: no such folder`);
    const missing = await smallFolder(root, 'missing');
    await rm(join(missing, IDX_FILES.testLabels));
    expect(await problem(missing)).toBe(`${missing}/${IDX_FILES.testLabels}: no such file (nor ${IDX_FILES.testLabels}.gz)`);
    const truncated = await smallFolder(root, 'truncated');
    await writeFile(join(truncated, IDX_FILES.trainImages), idx([12, 2, 2], new Array(40).fill(1)));
    expect(await problem(truncated)).toBe(`${truncated}/${IDX_FILES.trainImages}: is truncated: its dimensions 12×2×2 need 48 values but it holds 40`);
    const magic = await smallFolder(root, 'magic');
    await writeFile(join(magic, IDX_FILES.testImages), Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]));
    expect(await problem(magic)).toMatch(new RegExp(`^${magic}/${IDX_FILES.testImages}: not an IDX file \\(its magic number is 0x504b0304`));
    const counts = await smallFolder(root, 'counts');
    await writeFile(join(counts, IDX_FILES.testLabels), idx([5], [1, 2, 3, 4, 5]));
    expect(await problem(counts)).toBe(`${counts}/${IDX_FILES.testLabels}: holds 5 labels but ${counts}/${IDX_FILES.testImages} holds 6 images`);
    expect(await problem(await smallFolder(root, 'sizes'), { trainSize: 13 })).toBe(`the train size 13 is more than the 12 images of ${IDX_FILES.trainImages}`);
    for (const message of [await problem(missing), await problem(truncated), await problem(counts)]) expect(message).not.toContain('\n');
  });
});

describe('Fashion-MNIST from its installed files', () => {
  it('prepares a seeded subset with its class names, and previews it with the same rows and class balance', async (context) => {
    if (!installed) return context.skip(NO_FASHION);
    const load = createDataLoader(readAssetText, undefined, nodeDataFiles);
    const source = { kind: 'images', set: 'fashion-mnist', trainSize: 1000, testSize: 300 } as const;
    const data = await load(source, { trainFraction: 0.5, seed: 7 });
    expect(data.classes).toEqual([...FASHION_MNIST_CLASSES]);
    expect([data.train.size, data.test.size, data.inputs]).toEqual([1000, 300, 784]);
    expect(data.split.files).toEqual({ train: `${IDX_FILES.trainImages}.gz`, test: `${IDX_FILES.testImages}.gz` });
    expect(data.train.features.reduce((a, b) => Math.min(a, b))).toBe(0);
    expect(data.train.features.reduce((a, b) => Math.max(a, b))).toBe(1);
    const preview = await load.previewImages(source, { seed: 7 }, 10);
    expect(preview.trainCounts.reduce((a, b) => a + b, 0)).toBe(1000);
    const counts = new Array(10).fill(0);
    for (const label of data.train.labels) counts[label] += 1;
    expect(preview.trainCounts).toEqual(counts);
    expect(Array.from(preview.pixels)).toEqual(Array.from(data.train.features.subarray(0, 10 * 784)));
  });

  it('counts the images against the memory budget before it allocates them, and says so at the data set', async (context) => {
    if (!installed) return context.skip(NO_FASHION);
    const events: EngineEvent[] = [];
    const service = createEngineService((event) => events.push(event), {
      readAsset: readAssetText,
      files: nodeDataFiles,
      budget: { memoryBytes: 256 * 1024 * 1024 },
    });
    service.receive({
      type: 'train.start',
      runId: 'big',
      spec: { input: 784, layers: [{ type: 'linear', units: 10 }, { type: 'softmax' }] },
      dataSet: { kind: 'images', set: 'fashion-mnist' },
      hyper: { epochs: 1, learningRate: 0.01, batchSize: 10, reduction: 'sum', trainFraction: 0.5, seed: 1 },
    });
    await expect.poll(() => events.find((event) => event.type === 'error'), { timeout: 60_000 }).toBeTruthy();
    const error = events.find((event) => event.type === 'error')!;
    expect(error).toMatchObject({ code: 'over-budget', field: 'dataSet' });
    expect((error as { message: string }).message).toMatch(
      /^the data needs about 424\.1 MB of memory \(60,000 training and 10,000 test images of 1×28×28 as float64\); the engine's memory budget is 256 MB/,
    );
    expect(events.some((event) => event.type === 'train.started')).toBe(false);
    service.dispose();
  });
});

describe('a folder copied from Fashion-MNIST', () => {
  it('reads the same images as the installed data set, and recognises them: their class names are Fashion-MNIST’s', async (context) => {
    if (!installed) return context.skip(NO_FASHION);
    const copy = join(root, 'fashion-copy');
    await import('node:fs/promises').then((fs) => fs.mkdir(copy));
    for (const name of Object.values(IDX_FILES)) await copyFile(join(FASHION.folder, `${name}.gz`), join(copy, `${name}.gz`));
    const load = createDataLoader(readAssetText, undefined, nodeDataFiles);
    const options = { trainFraction: 0.5, seed: 2 };
    const copied = await load({ kind: 'images', folder: copy, trainSize: 50, testSize: 20 }, options);
    const installedData = await load({ kind: 'images', set: 'fashion-mnist', trainSize: 50, testSize: 20 }, options);
    expect(copied.classes).toEqual([...FASHION_MNIST_CLASSES]);
    expect(copied.name).toBe(`idx:${copy}`);
    expect(Array.from(copied.train.features)).toEqual(Array.from(installedData.train.features));
    expect(Array.from(copied.test.labels)).toEqual(Array.from(installedData.test.labels));
  });
});

describe('recognising a known image data set by its labels', () => {
  const labels = (count: number, first: readonly number[]) => Uint8Array.from({ length: count }, (_, i) => first[i] ?? i % 10);
  const { train, test } = FASHION.firstLabels;

  it('takes files with Fashion-MNIST’s counts and first labels for Fashion-MNIST, and no others', () => {
    expect(recogniseImageDataSet(labels(60000, train), labels(10000, test))).toBe('fashion-mnist');
    // A subset, other first labels in either file (MNIST's digits start 5, 0, 4, 1), or the files swapped: not recognised.
    expect(recogniseImageDataSet(labels(600, train), labels(200, test))).toBeUndefined();
    expect(recogniseImageDataSet(labels(60000, [5, 0, 4, 1]), labels(10000, test))).toBeUndefined();
    expect(recogniseImageDataSet(labels(60000, train), labels(10000, [7, 2, 1, 0]))).toBeUndefined();
    expect(recogniseImageDataSet(labels(10000, test), labels(60000, train))).toBeUndefined();
  });

  it('leaves a small folder of other images under the digits’ class names', async () => {
    const folder = await smallFolder(root, 'unrecognised');
    const data = await createDataLoader(readAssetText, undefined, nodeDataFiles)({ kind: 'images', folder }, { trainFraction: 0.5, seed: 1 });
    expect(data.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });
});
