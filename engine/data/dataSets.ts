// The digits data sets, prepared as the exercise prepares them (global normalisation, targets, seeded split); pure, any process.
import type { DataSetName } from '../protocol.js';
import { permutation, type Random } from '../random.js';
import { parseNumericCsv } from './parseCsv.js';

/** Samples in row-major form: `features` size×inputs, `targets` size×outputs, `labels` the class of each sample. */
export interface Samples {
  size: number;
  features: Float64Array;
  targets: Float64Array;
  labels: Int32Array;
}

/** A data set ready for training: its shape and its train and test samples. */
export interface PreparedData {
  name: DataSetName;
  inputs: number;
  outputs: number;
  train: Samples;
  test: Samples;
}

/** What each data set is made of; `outputs` is the width of its targets (and so of the network's output). */
export const DATA_SET_INFO: Record<DataSetName, { asset: string; inputs: number; outputs: number; description: string }> = {
  'digits-binary': { asset: 'digits.csv', inputs: 64, outputs: 1, description: '8×8 handwritten digits; target 1 for a digit below 5, else 0' },
  digits: { asset: 'digits.csv', inputs: 64, outputs: 10, description: '8×8 handwritten digits, 10 classes (one-hot targets)' },
};

/** The digits table: 64 pixel columns p00..p77 and a `label` column 0..9. */
export interface DigitsTable {
  size: number;
  pixels: Float64Array;
  labels: Int32Array;
}

/** Reads the digits CSV text (64 pixel columns and a `label` column). */
export function parseDigitsCsv(text: string): DigitsTable {
  const table = parseNumericCsv(text);
  const labelColumn = table.header.indexOf('label');
  if (labelColumn < 0) throw new Error('the digits file has no "label" column');
  const pixelCount = table.columns - 1;
  const pixels = new Float64Array(table.rows * pixelCount);
  const labels = new Int32Array(table.rows);
  for (let r = 0; r < table.rows; r++) {
    let p = 0;
    for (let c = 0; c < table.columns; c++) {
      const value = table.values[r * table.columns + c]!;
      if (c === labelColumn) labels[r] = value;
      else pixels[r * pixelCount + p++] = value;
    }
  }
  if (pixelCount !== 64) throw new Error(`the digits file has ${pixelCount} pixel columns, expected 64`);
  return { size: table.rows, pixels, labels };
}

/** Subtracts the mean of ALL values and divides by their (population) standard deviation, as the exercise does. */
export function normaliseGlobally(values: Float64Array): Float64Array {
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / values.length;
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  const std = Math.sqrt(squares / values.length) || 1;
  return values.map((value) => (value - mean) / std);
}

function targetsFor(name: DataSetName, labels: Int32Array): Float64Array {
  if (name === 'digits-binary') return Float64Array.from(labels, (label) => (label < 5 ? 1 : 0));
  const targets = new Float64Array(labels.length * 10);
  labels.forEach((label, i) => { targets[i * 10 + label] = 1; });
  return targets;
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
 * Prepares a digits data set as the exercise does: pixels normalised by the global mean and std, the data set's
 * targets, then a seeded shuffle and a split with n_train = floor(n · trainFraction).
 */
export function prepareDigits(name: DataSetName, table: DigitsTable, trainFraction: number, random: Random): PreparedData {
  const { inputs, outputs } = DATA_SET_INFO[name];
  const features = normaliseGlobally(table.pixels);
  const targets = targetsFor(name, table.labels);
  const order = permutation(random, table.size);
  const trainSize = Math.floor(table.size * trainFraction);
  return {
    name, inputs, outputs,
    train: gather(features, targets, table.labels, order.subarray(0, trainSize), inputs, outputs),
    test: gather(features, targets, table.labels, order.subarray(trainSize), inputs, outputs),
  };
}
