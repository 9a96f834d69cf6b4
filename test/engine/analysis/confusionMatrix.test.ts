// The confusion matrix: rows are the true class, columns the predicted one.
import { describe, expect, it } from 'vitest';
import { confusionMatrix } from '../../../engine/analysis/confusionMatrix.js';

describe('confusionMatrix', () => {
  it('counts a small hand-checked case with the true class as the row', () => {
    // truth:     0 0 0 1 1 2 2 2 2
    // predicted: 0 1 0 1 2 2 2 0 2
    const truth = Int32Array.from([0, 0, 0, 1, 1, 2, 2, 2, 2]);
    const predicted = Int32Array.from([0, 1, 0, 1, 2, 2, 2, 0, 2]);
    expect(confusionMatrix(truth, predicted, 3)).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [1, 0, 3],
    ]);
  });

  it('has a row for a class no sample belongs to', () => {
    expect(confusionMatrix(Int32Array.from([0, 0]), Int32Array.from([1, 0]), 2)).toEqual([
      [1, 1],
      [0, 0],
    ]);
  });

  it('rejects a class outside the class count', () => {
    expect(() => confusionMatrix(Int32Array.from([0, 2]), Int32Array.from([0, 1]), 2)).toThrow(/sample 1/);
  });
});
