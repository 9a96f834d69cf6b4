// MNIST-format images prepared for training: the files' own split, seeded subsets, pixels in [0, 1] or standardised, class names; pure, any process.
import { formatCount } from '../limits.js';
import { permutation, type Random } from '../random.js';
import { DIGIT_CLASSES, IMAGE_DATA_SETS, imageDataSetInFolder, recogniseImageDataSet } from './dataSetNames.js';
import type { ImageDataSource } from './dataSource.js';
import type { IdxImages } from './idx.js';
import type { IdxFolder } from './imageFolder.js';
import { normalise } from './normalise.js';
import type { Normalisation } from './normalisation.js';

/** Where an image data source's files are, and what its classes are called. */
export interface ImageSourceInfo {
  name: string;
  folder: string;
  classes: readonly string[];
  /** What a message about a missing folder adds (how to install a known data set). */
  missingHint?: string;
}

/** The folder and class names of an image data source: a known set's, a folder's (named as a known set's when it is one), or picked files' (their folder's name). */
export function imageSourceInfo(source: ImageDataSource): ImageSourceInfo {
  if (source.picked) return { name: source.picked.name, folder: source.picked.name, classes: DIGIT_CLASSES };
  const known = source.set ?? imageDataSetInFolder(source.folder ?? '');
  const folder = source.folder ?? IMAGE_DATA_SETS[source.set!].folder;
  const name = source.set ?? `idx:${folder}`;
  if (!known) return { name, folder, classes: DIGIT_CLASSES };
  const info = IMAGE_DATA_SETS[known];
  return { name, folder, classes: info.classes, missingHint: `installed by ${info.installedBy}` };
}

/** The source's info once its files are read: a folder or picked files that hold a known data set take its class names. */
export function withRecognisedClasses(info: ImageSourceInfo, folder: IdxFolder): ImageSourceInfo {
  if (info.classes !== DIGIT_CLASSES) return info;
  const known = recogniseImageDataSet(folder.train.labels, folder.test.labels);
  return known ? { ...info, classes: IMAGE_DATA_SETS[known].classes } : info;
}

/** How many images of each file a source takes, checked against the files; throws a sentence naming the setting at fault. */
export function subsetSizes(source: ImageDataSource, folder: IdxFolder): { train: number; test: number } {
  const train = source.trainSize ?? folder.train.count;
  const test = source.testSize ?? folder.test.count;
  if (train > folder.train.count) {
    throw new Error(`the train size ${train} is more than the ${folder.train.count} images of ${folder.files.trainImages}`);
  }
  if (test > folder.test.count) throw new Error(`the test size ${test} is more than the ${folder.test.count} images of ${folder.files.testImages}`);
  return { train, test };
}

/** Bytes the prepared images take as float64 features and one-hot targets, and what they are, for the budget. */
export function imageDataBytes(sizes: { train: number; test: number }, folder: IdxFolder, classCount: number): { bytes: number; detail: string } {
  const pixels = folder.train.height * folder.train.width;
  const rows = sizes.train + sizes.test;
  return {
    bytes: 8 * rows * (pixels + classCount),
    detail: `${formatCount(sizes.train)} training and ${formatCount(sizes.test)} test images of 1×${folder.train.height}×${folder.train.width} as float64`,
  };
}

/** The rows each side takes: a seeded permutation's first `size` rows of the training file; the test file in its order, or a seeded subset. */
export function imageRows(sizes: { train: number; test: number }, folder: IdxFolder, random: Random): { train: Int32Array; test: Int32Array } {
  const train = permutation(random, folder.train.count).slice(0, sizes.train);
  const test =
    sizes.test === folder.test.count ? Int32Array.from({ length: sizes.test }, (_, i) => i) : permutation(random, folder.test.count).slice(0, sizes.test);
  return { train, test };
}

/** The images of `rows` as features (pixel / 255, row-major), their one-hot targets and labels. */
export function gatherImages(images: IdxImages, rows: Int32Array, classCount: number) {
  const pixels = images.height * images.width;
  const size = rows.length;
  const features = new Float64Array(size * pixels);
  const targets = new Float64Array(size * classCount);
  const labels = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const source = rows[i]! * pixels;
    const offset = i * pixels;
    for (let p = 0; p < pixels; p++) features[offset + p] = images.pixels[source + p]! / 255;
    labels[i] = images.labels[rows[i]!]!;
    targets[i * classCount + labels[i]!] = 1;
  }
  return { size, features, targets, labels };
}

/** Pixel names p{row}_{column}, row by row. */
export function pixelNames(height: number, width: number): string[] {
  return Array.from({ length: height * width }, (_, i) => `p${Math.floor(i / width)}_${i % width}`);
}

/**
 * Normalises image features in place: none keeps the pixels in [0, 1]; global subtracts the mean and divides by the standard
 * deviation of every training pixel; standardize does so per pixel over the training images. The test images never count.
 */
export function normaliseImages(kind: Normalisation, train: Float64Array, test: Float64Array, pixels: number, featureNames: readonly string[]): void {
  normalise(kind, train, train, test, pixels, featureNames);
}

/** What a data preview shows of image data, computed without preparing every image. */
export interface ImagePreview {
  name: string;
  classes: string[];
  featureNames: string[];
  trainSize: number;
  testSize: number;
  trainCounts: number[];
  testCounts: number[];
  width: number;
  height: number;
  /** The first training images as a run sees them (normalised), row-major count×height×width. */
  pixels: Float64Array;
  labels: Int32Array;
}

function classCounts(labels: Uint8Array, rows: Int32Array, classCount: number): number[] {
  const counts = new Array<number>(classCount).fill(0);
  for (const row of rows) counts[labels[row]!]! += 1;
  return counts;
}

/** The mean and standard deviation (1 when constant) a normalisation subtracts and divides by, per pixel (`pixels` of them) or one for all. */
function pixelStatistics(images: IdxImages, rows: Int32Array, perPixel: boolean): { mean: Float64Array; std: Float64Array } {
  const pixels = images.height * images.width;
  const slots = perPixel ? pixels : 1;
  const mean = new Float64Array(slots);
  const squares = new Float64Array(slots);
  const count = rows.length * (perPixel ? 1 : pixels);
  for (const row of rows) for (let p = 0; p < pixels; p++) mean[perPixel ? p : 0]! += images.pixels[row * pixels + p]! / 255;
  for (let s = 0; s < slots; s++) mean[s]! /= count;
  for (const row of rows) {
    for (let p = 0; p < pixels; p++) {
      const s = perPixel ? p : 0;
      squares[s]! += (images.pixels[row * pixels + p]! / 255 - mean[s]!) ** 2;
    }
  }
  const std = squares.map((sum) => Math.sqrt(sum / count) || 1);
  return { mean, std };
}

/**
 * Image data as a run with these settings would see it, for a preview: its sizes, class balance per split and the first
 * `count` training images normalised (with the mean and std of the training subset), without allocating the rest.
 */
export function previewImageFolder(
  info: ImageSourceInfo,
  folder: IdxFolder,
  source: ImageDataSource,
  options: { seed: number; normalisation: Normalisation },
  random: Random,
  count: number,
): ImagePreview {
  const sizes = subsetSizes(source, folder);
  const rows = imageRows(sizes, folder, random);
  const { height, width } = folder.train;
  const pixels = height * width;
  const shown = Math.min(count, sizes.train);
  const first = gatherImages(folder.train, rows.train.subarray(0, shown), info.classes.length);
  if (options.normalisation !== 'none') {
    const { mean, std } = pixelStatistics(folder.train, rows.train, options.normalisation === 'standardize');
    for (let i = 0; i < first.features.length; i++) {
      const s = mean.length === 1 ? 0 : i % pixels;
      first.features[i] = (first.features[i]! - mean[s]!) / std[s]!;
    }
  }
  return {
    name: info.name,
    classes: [...info.classes],
    featureNames: pixelNames(height, width),
    trainSize: sizes.train,
    testSize: sizes.test,
    trainCounts: classCounts(folder.train.labels, rows.train, info.classes.length),
    testCounts: classCounts(folder.test.labels, rows.test, info.classes.length),
    width,
    height,
    pixels: first.features,
    labels: first.labels,
  };
}
