// Binary cross-entropy: its gradient against central differences, and finite at predictions of exactly 0 or 1.
import { describe, expect, it } from 'vitest';
import { checkGradient } from '../../engine/gradcheck/checkGradient.js';
import { BCE_EPSILON, binaryCrossEntropyGradient, binaryCrossEntropyOf, meanBinaryCrossEntropy } from '../../engine/losses/binaryCrossEntropy.js';
import { createRandom } from '../../engine/random.js';

describe('binary cross-entropy', () => {
  const random = createRandom(21);
  const targets = Float64Array.from({ length: 8 }, (_, i) => i % 2);
  const predictions = Float64Array.from({ length: 8 }, () => 0.05 + 0.9 * random.next());

  it('passes the gradient check of the summed loss with respect to the predictions', () => {
    const gradient = new Float64Array(8);
    const check = checkGradient(
      (p) => p.reduce((sum, value, i) => sum + binaryCrossEntropyOf(targets[i]!, value), 0),
      (p) => {
        binaryCrossEntropyGradient(targets, p, gradient, 8, 1);
        return gradient;
      },
      predictions.slice(),
    );
    expect(check.relativeError).toBeLessThan(1e-6);
  });

  it('scales the gradient for the mean reduction', () => {
    const summed = new Float64Array(8);
    const averaged = new Float64Array(8);
    binaryCrossEntropyGradient(targets, predictions, summed, 8, 1);
    binaryCrossEntropyGradient(targets, predictions, averaged, 8, 1 / 4);
    averaged.forEach((value, i) => expect(value).toBeCloseTo(summed[i]! / 4, 14));
  });

  it('reports the mean of the elementwise loss', () => {
    expect(meanBinaryCrossEntropy(Float64Array.from([1, 0]), Float64Array.from([0.5, 0.5]), 2)).toBeCloseTo(Math.LN2, 15);
  });

  it('stays finite when a prediction is exactly 0 or 1', () => {
    const cap = -Math.log(BCE_EPSILON);
    expect(binaryCrossEntropyOf(1, 0)).toBeCloseTo(cap, 3);
    expect(binaryCrossEntropyOf(0, 1)).toBeCloseTo(cap, 3);
    expect(binaryCrossEntropyOf(1, 1)).toBeLessThan(1e-11);
    const gradient = new Float64Array(4);
    binaryCrossEntropyGradient(Float64Array.from([1, 0, 1, 0]), Float64Array.from([0, 1, 1, 0]), gradient, 4, 1);
    expect(Array.from(gradient).every(Number.isFinite)).toBe(true);
  });
});
