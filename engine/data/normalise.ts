// Feature normalisation in place: none, the exercise's global mean/std, or per-feature standardisation from the training rows; pure.
import { nameForMessage } from '../quoteForMessage.js';
import type { Normalisation } from './normalisation.js';

/**
 * Mean and population standard deviation of `values` (std 1 when the values are constant), computed on the values divided
 * by a power of two near their largest magnitude — exact, so ordinary data gives the very sums NumPy does, while values near
 * the largest double (1e300) no longer overflow them. Values up to 2^500 need no division: their sum is taken in the same
 * pass as their largest magnitude (a process that has just started runs these loops before the JIT has compiled them).
 */
function meanAndStd(values: ArrayLike<number>): { mean: number; std: number } {
  const n = values.length;
  let largest = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    sum += value;
    const magnitude = value < 0 ? -value : value;
    if (magnitude > largest) largest = magnitude;
  }
  // A sum of values up to 2^500 is finite: one that is not holds an infinite or NaN value, or overflowed on larger ones.
  if (!Number.isFinite(sum) && (largest <= 2 ** 500 || !Array.prototype.every.call(values, Number.isFinite))) return { mean: 0, std: Number.NaN };
  if (largest === 0) return { mean: 0, std: 1 };
  const scale = largest > 2 ** 500 ? 2 ** Math.floor(Math.log2(largest)) : 1;
  if (scale !== 1) {
    sum = 0;
    for (let i = 0; i < n; i++) sum += values[i]! / scale;
  }
  const scaledMean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const deviation = values[i]! / scale - scaledMean;
    squares += deviation * deviation;
  }
  const scaledStd = Math.sqrt(squares / n);
  return { mean: scaledMean * scale, std: scaledStd === 0 ? 1 : scaledStd * scale };
}

/** Applies (x − mean) / std to every `stride`-th value of `part` from `start`; false when a result is not a finite number. */
function applyStandardisation(part: Float64Array, start: number, stride: number, mean: number, std: number): boolean {
  let finite = Number.isFinite(mean) && Number.isFinite(std);
  for (let i = start; i < part.length; i += stride) {
    const scaled = (part[i]! - mean) / std;
    part[i] = scaled;
    // x − x is 0 for a finite x, NaN for an infinite or NaN one.
    if (scaled - scaled !== 0) finite = false;
  }
  return finite;
}

/** The error for a feature whose values are too large to normalise. */
function overflowError(what: string, mean: number, std: number): Error {
  return new Error(
    `${what}: its values are too large to normalise (mean ${mean.toPrecision(3)}, standard deviation ${std.toPrecision(3)}); ` +
      'scale the column down in the file, or choose the normalisation none',
  );
}

/**
 * Normalises the split features in place. 'global' takes the mean and std of every value of the whole table
 * (`all`), as the exercise does before splitting; 'standardize' takes each feature's mean and std over the
 * training rows and applies them to both splits.
 * @throws Error naming the feature (by `featureNames`, else its number) whose normalised values would not be finite.
 */
export function normalise(
  kind: Normalisation,
  all: Float64Array,
  train: Float64Array,
  test: Float64Array,
  inputs: number,
  featureNames?: readonly string[],
): void {
  if (kind === 'none') return;
  if (kind === 'global') {
    const { mean, std } = meanAndStd(all);
    const finite = [train, test].map((part) => applyStandardisation(part, 0, 1, mean, std)).every(Boolean);
    if (!finite) throw overflowError('the features', mean, std);
    return;
  }
  const rows = train.length / inputs;
  const column = new Float64Array(rows);
  for (let j = 0; j < inputs; j++) {
    for (let r = 0; r < rows; r++) column[r] = train[r * inputs + j]!;
    const { mean, std } = meanAndStd(column);
    const finite = [train, test].map((part) => applyStandardisation(part, j, inputs, mean, std)).every(Boolean);
    if (!finite) throw overflowError(`column ${featureNames?.[j] !== undefined ? nameForMessage(featureNames[j]) : j + 1}`, mean, std);
  }
}
