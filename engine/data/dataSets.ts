// The data sets a run can use — shipped, generated or the user's CSV — prepared for training: targets, seeded split, normalisation; pure.
import { deriveRandom, permutation, type Random } from '../random.js';
import { outputsForClasses } from './classOutputs.js';
import { createCsvTables, type CsvTables } from './csvTables.js';
import type { DataSetName } from './dataSetNames.js';
import type { DataSource } from './dataSource.js';
import { parseLabelledCsv, type LabelledTable } from './labelledCsv.js';
import { normalise } from './normalise.js';
import { defaultNormalisation, type Normalisation } from './normalisation.js';
import { generateToyData } from './toyData.js';

/** Samples in row-major form: `features` size×inputs, `targets` size×outputs, `labels` the class of each sample. */
export interface Samples {
  size: number;
  features: Float64Array;
  targets: Float64Array;
  labels: Int32Array;
}

/** A data set ready for training: its shape, class names, the normalisation used, and its train and test samples. */
export interface PreparedData {
  name: string;
  inputs: number;
  /** 1 for two classes (the target is the probability of classes[1]), else one output per class (one-hot targets). */
  outputs: number;
  classes: string[];
  normalisation: Normalisation;
  train: Samples;
  test: Samples;
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

/** How the samples are prepared: the split, its seed, and the normalisation (default: global for the digits, else standardize). */
export interface PrepareOptions {
  trainFraction: number;
  seed: number;
  normalisation?: Normalisation | undefined;
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

/**
 * Prepares a table as the exercise prepares the digits: a seeded shuffle, a split with n_train = floor(n · trainFraction),
 * then the normalisation ('global' uses the mean and std of all values, as the exercise; 'standardize' each feature's
 * mean and std over the training rows only, so the test set stays unseen).
 */
export function prepareTable(name: string, table: LabelledTable, trainFraction: number, normalisation: Normalisation, random: Random): PreparedData {
  const inputs = table.featureNames.length;
  const { outputs, targets } = targetsFor(table.labels, table.classes.length);
  const order = permutation(random, table.size);
  const trainSize = Math.floor(table.size * trainFraction);
  if (trainSize < 1 || trainSize >= table.size) {
    throw new Error(`a train fraction of ${trainFraction} leaves ${trainSize < 1 ? 'no training' : 'no test'} samples out of ${table.size}`);
  }
  const train = gather(table.features, targets, table.labels, order.subarray(0, trainSize), inputs, outputs);
  const test = gather(table.features, targets, table.labels, order.subarray(trainSize), inputs, outputs);
  normalise(normalisation, table.features, train.features, test.features, inputs, table.featureNames);
  return { name, inputs, outputs, classes: table.classes, normalisation, train, test };
}

/** The name a data source is shown under. */
export function dataSourceName(source: DataSource): string {
  if (typeof source === 'string') return source;
  return source.kind === 'toy' ? `toy:${source.name}` : source.fileName;
}

/** Reads an asset file's text; supplied by the process the engine runs in. */
export type ReadAsset = (fileName: string) => string | Promise<string>;

/**
 * A loader of data sources that parses each shipped file once, and each CSV text once while `csvTables` keeps it.
 * Errors (a malformed CSV, an asset that cannot be read) reject with a message naming the row and column where there
 * is one; a CSV named by a hash the engine does not keep rejects with an UnknownTableError.
 */
export function createDataLoader(
  readAsset: ReadAsset | undefined,
  csvTables: CsvTables = createCsvTables(),
): (source: DataSource, options: PrepareOptions) => Promise<PreparedData> {
  const tables = new Map<string, Promise<LabelledTable>>();
  const loadAsset = (fileName: string): Promise<LabelledTable> => {
    let table = tables.get(fileName);
    if (!table) {
      table = readAsset
        ? Promise.resolve()
            .then(() => readAsset(fileName))
            .then((text) => parseLabelledCsv(text))
        : Promise.reject(new Error('this engine has no data files (no asset reader was given)'));
      table.catch(() => tables.delete(fileName));
      tables.set(fileName, table);
    }
    return table;
  };

  return async (source, options) => {
    const split = deriveRandom(options.seed, SEED_STREAMS.split);
    if (typeof source === 'string') {
      const info = DATA_SET_INFO[source];
      let table = await loadAsset(info.asset);
      if (source === 'digits-binary') table = binaryDigits(table);
      const normalisation = options.normalisation ?? defaultNormalisation(source);
      return prepareTable(source, table, options.trainFraction, normalisation, split);
    }
    let table: LabelledTable;
    if (source.kind === 'toy') {
      const toy = generateToyData(source.name, source.size, source.noise, deriveRandom(options.seed, SEED_STREAMS.toy));
      table = { featureNames: ['x', 'y'], labelName: 'class', classes: ['0', '1'], size: toy.size, features: toy.features, labels: toy.labels };
    } else {
      table = csvTables.tableOf(source);
    }
    return prepareTable(dataSourceName(source), table, options.trainFraction, options.normalisation ?? defaultNormalisation(source), split);
  };
}
