// Predicted classes and their confidence: the exercise's 0.5 threshold for one output, the largest output for several.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../engine/analysis/predictions.js';

describe('classify', () => {
  it('thresholds one output at 0.5 and gives the probability of the chosen class', () => {
    const outputs = Float64Array.from([0.9, 0.2, 0.5, 0.51]);
    const { predicted, confidence } = classify(outputs, 4, 1, true);
    expect([...predicted]).toEqual([1, 0, 0, 1]);
    expect(confidence[0]).toBe(0.9);
    expect(confidence[1]).toBeCloseTo(0.8, 15);
    expect(confidence[2]).toBe(0.5);
    expect(confidence[3]).toBe(0.51);
  });

  it('takes the largest of several outputs and its probability', () => {
    const outputs = Float64Array.from([0.1, 0.7, 0.2, 0.5, 0.3, 0.2]);
    const { predicted, confidence } = classify(outputs, 2, 3, true);
    expect([...predicted]).toEqual([1, 0]);
    expect([...confidence]).toEqual([0.7, 0.5]);
  });

  it('turns several outputs that are not probabilities into them with a softmax', () => {
    const { predicted, confidence } = classify(Float64Array.from([0, Math.log(3)]), 1, 2, false);
    expect(predicted[0]).toBe(1);
    expect(confidence[0]).toBeCloseTo(0.75, 15);
  });
});
