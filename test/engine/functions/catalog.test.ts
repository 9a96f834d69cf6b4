// Tests every catalogued activation and loss: symbolic derivative against central differences, and the error's V shape.
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, findFunction } from '../../../engine/functions/catalog.js';
import { centralDifference, differenceError, logSpacedEpsilons, sampleDerivatives } from '../../../engine/functions/numericDerivative.js';

describe('function catalog', () => {
  for (const fn of FUNCTIONS) {
    it(`${fn.id}: the symbolic derivative matches central differences away from kinks`, () => {
      const [lo, hi] = fn.domain;
      const samples = sampleDerivatives(fn, lo, hi, 37, 1e-5);
      for (let i = 0; i < samples.x.length; i++) {
        const x = samples.x[i]!;
        if (fn.kinks.some((k) => Math.abs(k - x) < 1e-4)) continue;
        const scale = Math.max(1, Math.abs(samples.symbolic[i]!));
        expect(Math.abs(samples.numerical[i]! - samples.symbolic[i]!) / scale).toBeLessThan(1e-6);
      }
    });
  }

  it('sigmoid stays finite and exact far from 0', () => {
    const sigmoid = findFunction('sigmoid')!;
    expect(sigmoid.value(-800)).toBe(0);
    expect(sigmoid.value(800)).toBe(1);
    expect(sigmoid.derivative(-800)).toBe(0);
  });

  it('a central difference across the ReLU kink gives 1/2, which no symbolic choice matches', () => {
    expect(centralDifference(findFunction('relu')!.value, 0, 1e-3)).toBeCloseTo(0.5, 12);
  });
});

describe('differenceError', () => {
  it('falls with epsilon (truncation) and then rises again (round-off) for tanh at 0.7', () => {
    const errors = differenceError(findFunction('tanh')!, 0.7, logSpacedEpsilons(-14, 0, 2));
    const best = errors.reduce((a, b) => (b.error < a.error ? b : a));
    expect(best.epsilon).toBeGreaterThan(1e-8);
    expect(best.epsilon).toBeLessThan(1e-2);
    expect(errors[0]!.error).toBeGreaterThan(100 * best.error);
    expect(errors.at(-1)!.error).toBeGreaterThan(100 * best.error);
  });

  it('spaces epsilons evenly in log10', () => {
    const eps = logSpacedEpsilons(-4, 0, 1);
    expect(eps).toHaveLength(5);
    expect(eps[0]).toBeCloseTo(1e-4, 18);
    expect(eps[4]).toBe(1);
  });

  it('refuses a non-positive epsilon and an empty range', () => {
    const fn = findFunction('tanh')!;
    expect(() => sampleDerivatives(fn, 0, 1, 10, 0)).toThrow('epsilon must be a positive number');
    expect(() => sampleDerivatives(fn, 1, 1, 10, 1e-3)).toThrow('hi > lo');
  });
});
