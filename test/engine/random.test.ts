// The seeded generator: same seed, same numbers; in range; permutations.
import { describe, expect, it } from 'vitest';
import { createRandom, deriveRandom, permutation } from '../../engine/random.js';

const draw = (seed: number, count: number) => {
  const r = createRandom(seed);
  return Array.from({ length: count }, () => r.next());
};

describe('createRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
    expect(draw(42, 100)).not.toEqual(draw(43, 100));
  });

  it('draws numbers in [0, 1) whose mean is near one half', () => {
    const values = draw(7, 20000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
  });

  it('derives different streams from one seed', () => {
    expect(deriveRandom(1, 0).next()).not.toBe(deriveRandom(1, 1).next());
    expect(deriveRandom(1, 0).next()).toBe(deriveRandom(1, 0).next());
  });
});

describe('permutation', () => {
  it('holds every index exactly once', () => {
    const order = Array.from(permutation(createRandom(3), 500));
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(order).not.toEqual(Array.from({ length: 500 }, (_, i) => i));
  });
});
