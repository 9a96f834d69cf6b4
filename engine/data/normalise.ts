// Feature normalisation in place: none, the exercise's global mean/std, or per-feature standardisation from the training rows; pure.
import type { Normalisation } from './normalisation.js';

/** Mean and population standard deviation of `values` (std 1 when the values are constant). */
function meanAndStd(values: ArrayLike<number>): { mean: number; std: number } {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  const mean = sum / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i]! - mean) ** 2;
  return { mean, std: Math.sqrt(squares / values.length) || 1 };
}

/**
 * Normalises the split features in place. 'global' takes the mean and std of every value of the whole table
 * (`all`), as the exercise does before splitting; 'standardize' takes each feature's mean and std over the
 * training rows and applies them to both splits.
 */
export function normalise(kind: Normalisation, all: Float64Array, train: Float64Array, test: Float64Array, inputs: number): void {
  if (kind === 'none') return;
  if (kind === 'global') {
    const { mean, std } = meanAndStd(all);
    for (const part of [train, test]) for (let i = 0; i < part.length; i++) part[i] = (part[i]! - mean) / std;
    return;
  }
  const rows = train.length / inputs;
  const column = new Float64Array(rows);
  for (let j = 0; j < inputs; j++) {
    for (let r = 0; r < rows; r++) column[r] = train[r * inputs + j]!;
    const { mean, std } = meanAndStd(column);
    for (const part of [train, test]) for (let i = j; i < part.length; i += inputs) part[i] = (part[i]! - mean) / std;
  }
}
