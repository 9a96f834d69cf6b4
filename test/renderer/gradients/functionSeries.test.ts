// A functions.samples answer as chart series (plain Node): domains, marked points, clicks mapped back to x, kinks.
import { describe, expect, it } from 'vitest';
import { defaultAt, derivativeSeries, markedSamples, nearestKink, paddedDomain, xAtOffset } from '../../../renderer/gradients/functionSeries.js';

/** ReLU on 11 points of [-5, 5] with ε = 0.5: the central difference at x = 0 straddles the kink and gives 0.5. */
const relu = {
  x: Float64Array.from({ length: 11 }, (_, i) => i - 5),
  value: Float64Array.from({ length: 11 }, (_, i) => Math.max(0, i - 5)),
  symbolic: Float64Array.from({ length: 11 }, (_, i) => (i - 5 > 0 ? 1 : 0)),
  numerical: Float64Array.from({ length: 11 }, (_, i) => (i === 5 ? 0.5 : i - 5 > 0 ? 1 : 0)),
};

describe('derivativeSeries', () => {
  it('gives the symbolic derivative and the central difference as two series over the same x', () => {
    const [symbolic, numerical] = derivativeSeries(relu);
    expect(symbolic!.key).toBe('symbolic');
    expect(numerical!.points[5]).toEqual({ x: 0, y: 0.5 });
  });
});

describe('markedSamples', () => {
  it('marks every fifth sample and always the ones visibly off the symbolic line', () => {
    expect([...markedSamples(relu, 5)].sort((a, b) => a - b)).toEqual([-5, 0, 5]);
    expect([...markedSamples(relu, 4)].sort((a, b) => a - b)).toEqual([-5, -1, 0, 3, 5]);
  });
});

describe('paddedDomain', () => {
  it('holds every finite value with room, and ignores NaN', () => {
    expect(paddedDomain([0, 1], [Number.NaN, 0.5])).toEqual([-0.06, 1.06]);
    expect(paddedDomain([2, 2])).toEqual([1, 3]);
    expect(paddedDomain([Number.NaN])).toEqual([0, 1]);
  });
});

describe('xAtOffset', () => {
  it('maps a click back to x, rounded to the power of ten under a thousandth of the span, inside the domain', () => {
    expect(xAtOffset(265, 500, [-5, 5])).toBe(0.3);
    expect(xAtOffset(-20, 500, [-5, 5])).toBe(-5);
    expect(xAtOffset(123, 400, [0.01, 0.99])).toBe(0.3114);
  });
});

describe('defaultAt and nearestKink', () => {
  it("starts 60% of the way along the domain, off ReLU's kink", () => {
    expect(defaultAt([-10, 10])).toBe(2);
    expect(defaultAt([-5, 5])).toBe(1);
    expect(defaultAt([0.01, 0.99])).toBe(0.6);
  });

  it('finds the kink nearest the point', () => {
    expect(nearestKink([0], 0.3)).toBe(0);
    expect(nearestKink([], 0.3)).toBeUndefined();
  });
});
