// The data sets a run can use — shipped, generated, the user's CSV or MNIST-format image files — prepared for training: targets, seeded split, normalisation; pure.
import { deriveRandom, permutation, type Random } from '../random.js';
import { outputsForClasses } from './classOutputs.js';
import { createCsvTables, type CsvTables } from './csvTables.js';
import { expandedFeatureNames, expandFeatures, orderedExtras, type ExtraFeature } from './extraFeatures.js';
import type { DataSetName } from './dataSetNames.js';
import { dataSourceName, type DataSource } from './dataSource.js';
import { parseLabelledCsv, type LabelledTable } from './labelledCsv.js';
import { normalise } from './normalise.js';
import { defaultNormalisation, type Normalisation } from './normalisation.js';
import { generateToyData } from './toyData.js';
import {
  gatherImages,
  imageDataBytes,
  imageRows,
  imageSourceInfo,
  withRecognisedClasses,
  normaliseImages,
  pixelNames,
  previewImageFolder,
  subsetSizes,
  type ImagePreview,
  type ImageSourceInfo,
} from './imageData.js';
import { readIdxFolder, type DataFiles, type IdxFolder } from './imageFolder.js';
import { createPickedImageStore, pickedDataFiles, type PickedImageStore } from './pickedImages.js';
import type { ImageDataSource } from './dataSource.js';

/** Samples in row-major form: `features` size×inputs, `targets` size×outputs, `labels` the class of each sample. */
export interface Samples {
  size: number;
  features: Float64Array;
  targets: Float64Array;
  labels: Int32Array;
}

/** The width and height of a data set whose samples are greyscale images, row by row. */
export interface ImageShape {
  width: number;
  height: number;
}

/** The rows of the source table (counted from 0, in the file's order) that went to each side of a split, in training order. */
export interface SplitRows {
  train: Int32Array;
  test: Int32Array;
  /** For image files, which keep their own split: the files whose images `train` and `test` count (from 0, in the file's order). */
  files?: { train: string; test: string } | undefined;
}

/** A data set ready for training: its shape, class names, the normalisation used, its train and test samples and their rows. */
export interface PreparedData {
  name: string;
  inputs: number;
  /** The name of each of the `inputs` features (a CSV's header, the digits' pixels p00…p77, a toy set's x and y, then any extra features). */
  featureNames: string[];
  /** The extra features appended to two-feature data (empty for none), in canonical order. */
  extraFeatures: ExtraFeature[];
  /** Set when every sample is a greyscale image (the digits). */
  image?: ImageShape | undefined;
  /** 1 for two classes (the target is the probability of classes[1]), else one output per class (one-hot targets). */
  outputs: number;
  classes: string[];
  normalisation: Normalisation;
  train: Samples;
  /** Empty (size 0) when the train fraction is 1. */
  test: Samples;
  split: SplitRows;
}

/** What a shipped data set is made of. `outputs` is the width of its targets (and so of the network's output). */
export interface DataSetInfo {
  asset: string;
  inputs: number;
  outputs: number;
  classes: string[];
  size: number;
  description: string;
  /** For image data: one sample's channels × height × width, the shape a convolution reads it in. */
  imageShape?: readonly [number, number, number];
}

export const DATA_SET_INFO: Record<DataSetName, DataSetInfo> = {
  'digits-binary': {
    asset: 'digits.csv',
    inputs: 64,
    outputs: 1,
    classes: ['5–9', '0–4'],
    size: 1797,
    description: '8×8 handwritten digits; target 1 for a digit below 5, else 0 (the exercise)',
    imageShape: [1, 8, 8],
  },
  digits: {
    asset: 'digits.csv',
    inputs: 64,
    outputs: 10,
    classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    size: 1797,
    description: '8×8 handwritten digits, 10 classes',
    imageShape: [1, 8, 8],
  },
  iris: {
    asset: 'iris.csv',
    inputs: 4,
    outputs: 3,
    classes: ['setosa', 'versicolor', 'virginica'],
    size: 150,
    description: "Fisher's iris flowers: 4 measurements, 3 species",
  },
  wine: {
    asset: 'wine.csv',
    inputs: 13,
    outputs: 3,
    classes: ['class_0', 'class_1', 'class_2'],
    size: 178,
    description: 'Italian wines: 13 chemical measurements, 3 cultivars',
  },
  'breast-cancer': {
    asset: 'breast_cancer.csv',
    inputs: 30,
    outputs: 1,
    classes: ['malignant', 'benign'],
    size: 569,
    description: 'Breast cancer (Wisconsin, diagnostic): 30 cell-nucleus features; malignant or benign',
  },
};

/** The random streams a run's seed drives: the split, the initialisation and dropout, and the toy data's points. */
export const SEED_STREAMS = { split: 0, init: 1, toy: 2 } as const;

/**
 * How the samples are prepared: the split, its seed, the normalisation (default: global for the digits, else
 * standardize), and extra features for two-feature data (computed from the normalised x and y).
 */
export interface PrepareOptions {
  trainFraction: number;
  seed: number;
  normalisation?: Normalisation | undefined;
  extraFeatures?: readonly ExtraFeature[] | undefined;
  /**
   * Called with the bytes large data (image files) will take once prepared, before they are allocated; throws to refuse them
   * (the engine service holds them to its memory budget).
   */
  admitMemory?: ((cost: { bytes: number; detail: string }) => void) | undefined;
}

/** The digits as the exercise's binary task: class "5–9" (target 0) and "0–4" (target 1). */
function binaryDigits(table: LabelledTable): LabelledTable {
  return { ...table, classes: DATA_SET_INFO['digits-binary'].classes, labels: table.labels.map((digit) => (digit < 5 ? 1 : 0)) };
}

function targetsFor(labels: Int32Array, classCount: number): { outputs: number; targets: Float64Array } {
  const outputs = outputsForClasses(classCount);
  if (outputs === 1) return { outputs, targets: Float64Array.from(labels) };
  const targets = new Float64Array(labels.length * classCount);
  labels.forEach((label, i) => {
    targets[i * classCount + label] = 1;
  });
  return { outputs: classCount, targets };
}

function gather(features: Float64Array, targets: Float64Array, labels: Int32Array, order: Int32Array, inputs: number, outputs: number): Samples {
  const size = order.length;
  const picked: Samples = { size, features: new Float64Array(size * inputs), targets: new Float64Array(size * outputs), labels: new Int32Array(size) };
  order.forEach((source, i) => {
    picked.features.set(features.subarray(source * inputs, (source + 1) * inputs), i * inputs);
    picked.targets.set(targets.subarray(source * outputs, (source + 1) * outputs), i * outputs);
    picked.labels[i] = labels[source]!;
  });
  return picked;
}

/** Appends the extra features to both splits' rows of two features; throws when the data has not two features. */
function withExtraFeatures(name: string, featureNames: string[], train: Samples, test: Samples, extras: readonly ExtraFeature[]): string[] {
  if (featureNames.length !== 2) {
    throw new Error(`extra features (x², y², xy, sin x, sin y) need data with 2 features, but ${name} has ${featureNames.length}`);
  }
  train.features = expandFeatures(train.features, train.size, extras);
  test.features = expandFeatures(test.features, test.size, extras);
  return expandedFeatureNames([featureNames[0]!, featureNames[1]!], extras);
}

/**
 * Prepares a table as the exercise prepares the digits: a seeded shuffle, a split with n_train = floor(n · trainFraction),
 * then the normalisation ('global' uses the mean and std of all values, as the exercise; 'standardize' each feature's
 * mean and std over the training rows only, so the test set stays unseen), then, for two-feature data, the extra
 * features computed from each row's normalised x and y (see expandFeatures). A train fraction of 1 keeps every row for
 * training and leaves the test set empty. The rows of each side are recorded in `split`.
 */
export function prepareTable(
  name: string,
  table: LabelledTable,
  trainFraction: number,
  normalisation: Normalisation,
  random: Random,
  extras: readonly ExtraFeature[] = [],
): PreparedData {
  const rawInputs = table.featureNames.length;
  const { outputs, targets } = targetsFor(table.labels, table.classes.length);
  const order = permutation(random, table.size);
  const trainSize = Math.floor(table.size * trainFraction);
  if (trainSize < 1) throw new Error(`a train fraction of ${trainFraction} leaves no training samples out of ${table.size}`);
  const split: SplitRows = { train: order.slice(0, trainSize), test: order.slice(trainSize) };
  // The global normalisation maps each value alone, so rows normalised ahead are the same rows normalised after the split.
  const normalised = normalisation === 'global' ? table.globallyNormalised : undefined;
  const train = gather(normalised ?? table.features, targets, table.labels, split.train, rawInputs, outputs);
  const test = gather(normalised ?? table.features, targets, table.labels, split.test, rawInputs, outputs);
  if (!normalised) normalise(normalisation, table.features, train.features, test.features, rawInputs, table.featureNames);
  const extraFeatures = orderedExtras(extras);
  const featureNames = extraFeatures.length ? withExtraFeatures(name, table.featureNames, train, test, extraFeatures) : [...table.featureNames];
  return { name, inputs: featureNames.length, featureNames, extraFeatures, outputs, classes: table.classes, normalisation, train, test, split };
}

/**
 * Prepares a folder's images as the files split them: a seeded subset of `source.trainSize` training images (all by
 * default, in a seeded order) and of `source.testSize` test images (all by default, in the file's order), pixels scaled
 * to [0, 1] and then normalised (default none). The prepared bytes go to `options.admitMemory` before they are allocated.
 */
export function prepareImages(name: string, classes: readonly string[], folder: IdxFolder, source: ImageDataSource, options: PrepareOptions): PreparedData {
  if (options.extraFeatures?.length) throw new Error(`extra features (x², y², xy, sin x, sin y) need data with 2 features, but ${name} has images`);
  const sizes = subsetSizes(source, folder);
  options.admitMemory?.(imageDataBytes(sizes, folder, classes.length));
  const rows = imageRows(sizes, folder, deriveRandom(options.seed, SEED_STREAMS.split));
  const { height, width } = folder.train;
  const pixels = height * width;
  const train = gatherImages(folder.train, rows.train, classes.length);
  const test = gatherImages(folder.test, rows.test, classes.length);
  const featureNames = pixelNames(height, width);
  const normalisation = options.normalisation ?? defaultNormalisation(source);
  normaliseImages(normalisation, train.features, test.features, pixels, featureNames);
  return {
    name,
    inputs: pixels,
    featureNames,
    extraFeatures: [],
    image: { width, height },
    outputs: outputsForClasses(classes.length),
    classes: [...classes],
    normalisation,
    train,
    test,
    split: { ...rows, files: { train: folder.files.trainImages, test: folder.files.testImages } },
  };
}

/**
 * Reads an asset file's text, or hands back its table already parsed (the build's copy of a shipped CSV); supplied by
 * the process the engine runs in.
 */
export type ReadAsset = (fileName: string) => string | LabelledTable | Promise<string | LabelledTable>;

/** Loads and prepares a data source; `previewImages` describes image data without preparing every image. */
export interface DataLoader {
  (source: DataSource, options: PrepareOptions): Promise<PreparedData>;
  previewImages(source: ImageDataSource, options: Pick<PrepareOptions, 'seed' | 'normalisation'>, count: number): Promise<ImagePreview>;
}

/**
 * A loader of data sources that parses each shipped file once, each CSV text once while `csvTables` keeps it, and the
 * image folder named last once (its files read through `files`, which the process entry supplies, or picked files from
 * `picked`). Errors (a malformed CSV, an asset that cannot be read, a damaged image file) reject with a message naming
 * the row and column, or the file, where there is one; a CSV named by a hash the engine does not keep rejects with an
 * UnknownTableError, picked files it does not keep with an UnknownFilesError.
 */
export function createDataLoader(
  readAsset: ReadAsset | undefined,
  csvTables: CsvTables = createCsvTables(),
  files?: DataFiles,
  picked: PickedImageStore = createPickedImageStore(),
): DataLoader {
  const tables = new Map<string, Promise<LabelledTable>>();
  /** The image folder read last, kept while the next requests name it (one at a time: a folder's bytes are tens of MB). */
  let lastFolder: { key: string; read: Promise<IdxFolder> } | undefined;
  const readFolder = (source: ImageDataSource, info: ImageSourceInfo): Promise<IdxFolder> => {
    if (source.picked) {
      const chosen = source.picked;
      return Promise.resolve().then(() => readIdxFolder(pickedDataFiles(chosen.name, picked.filesOf(chosen)), chosen.name));
    }
    return files ? readIdxFolder(files, info.folder, info.missingHint) : Promise.reject(new Error('this engine cannot read files (no file access was given)'));
  };
  const loadFolder = (source: ImageDataSource, info: ImageSourceInfo): Promise<IdxFolder> => {
    const key = source.picked ? `picked:${source.picked.digest}` : `folder:${info.folder}`;
    if (lastFolder?.key === key) return lastFolder.read;
    const read = readFolder(source, info);
    const kept = { key, read };
    read.catch(() => {
      if (lastFolder === kept) lastFolder = undefined;
    });
    lastFolder = kept;
    return read;
  };
  const loadImages = async (source: ImageDataSource, options: PrepareOptions): Promise<PreparedData> => {
    const folder = await loadFolder(source, imageSourceInfo(source));
    const info = withRecognisedClasses(imageSourceInfo(source), folder);
    return prepareImages(info.name, info.classes, folder, source, options);
  };
  const loadAsset = (fileName: string): Promise<LabelledTable> => {
    let table = tables.get(fileName);
    if (!table) {
      table = readAsset
        ? Promise.resolve()
            .then(() => readAsset(fileName))
            .then((read) => (typeof read === 'string' ? parseLabelledCsv(read) : read))
        : Promise.reject(new Error('this engine has no data files (no asset reader was given)'));
      table.catch(() => tables.delete(fileName));
      tables.set(fileName, table);
    }
    return table;
  };

  const load = async (source: DataSource, options: PrepareOptions): Promise<PreparedData> => {
    const split = deriveRandom(options.seed, SEED_STREAMS.split);
    if (typeof source === 'string') {
      const info = DATA_SET_INFO[source];
      let table = await loadAsset(info.asset);
      if (source === 'digits-binary') table = binaryDigits(table);
      const normalisation = options.normalisation ?? defaultNormalisation(source);
      const prepared = prepareTable(source, table, options.trainFraction, normalisation, split, options.extraFeatures);
      // A one-channel image data set shows its samples as greyscale pictures.
      const [channels, height, width] = info.imageShape ?? [];
      return channels === 1 && height && width ? { ...prepared, image: { width, height } } : prepared;
    }
    if (source.kind === 'images') return loadImages(source, options);
    let table: LabelledTable;
    if (source.kind === 'toy') {
      const toy = generateToyData(source.name, source.size, source.noise, deriveRandom(options.seed, SEED_STREAMS.toy));
      table = { featureNames: ['x', 'y'], labelName: 'class', classes: ['0', '1'], size: toy.size, features: toy.features, labels: toy.labels };
    } else {
      table = csvTables.tableOf(source);
    }
    const normalisation = options.normalisation ?? defaultNormalisation(source);
    return prepareTable(dataSourceName(source), table, options.trainFraction, normalisation, split, options.extraFeatures);
  };
  const previewImages: DataLoader['previewImages'] = async (source, options, count) => {
    const folder = await loadFolder(source, imageSourceInfo(source));
    const info = withRecognisedClasses(imageSourceInfo(source), folder);
    const normalisation = options.normalisation ?? defaultNormalisation(source);
    return previewImageFolder(info, folder, source, { seed: options.seed, normalisation }, deriveRandom(options.seed, SEED_STREAMS.split), count);
  };
  return Object.assign(load, { previewImages });
}
