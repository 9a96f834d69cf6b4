// Tests the 2D toy data generators: shapes, the geometry each promises, determinism and bad input.
import { describe, expect, it } from 'vitest';
import { createRandom, standardNormal } from '../../../engine/random.js';
import { TOY_DATA_NAMES, generateToyData } from '../../../engine/data/toyData.js';

describe('generateToyData', () => {
  for (const name of TOY_DATA_NAMES) {
    it(`${name}: gives size×2 features, balanced labels, and the same points for the same seed`, () => {
      const a = generateToyData(name, 101, 0.1, createRandom(7));
      const b = generateToyData(name, 101, 0.1, createRandom(7));
      const c = generateToyData(name, 101, 0.1, createRandom(8));
      expect(a.features.length).toBe(202);
      expect(a.labels.filter((l) => l === 1).length).toBe(50);
      expect(a.features).toEqual(b.features);
      expect(a.features).not.toEqual(c.features);
      expect(a.features.every(Number.isFinite)).toBe(true);
    });
  }

  it('circles without noise: class 0 on the unit circle, class 1 on the circle of radius 0.5', () => {
    const data = generateToyData('circles', 40, 0, createRandom(1));
    for (let i = 0; i < data.size; i++) {
      const r = Math.hypot(data.features[2 * i]!, data.features[2 * i + 1]!);
      expect(r).toBeCloseTo(data.labels[i] === 0 ? 1 : 0.5, 12);
    }
  });

  it('xor without noise: class 1 exactly where x and y share a sign', () => {
    const data = generateToyData('xor', 200, 0, createRandom(3));
    for (let i = 0; i < data.size; i++) {
      expect(data.features[2 * i]! * data.features[2 * i + 1]! > 0 ? 1 : 0).toBe(data.labels[i]);
    }
  });

  it('gaussian draws have mean about 0 and variance about 1', () => {
    const random = createRandom(11);
    const draws = Array.from({ length: 20000 }, () => standardNormal(random));
    const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
    const variance = draws.reduce((s, v) => s + (v - mean) ** 2, 0) / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('refuses an unknown name, too few points and negative noise', () => {
    expect(() => generateToyData('rings' as never, 10, 0, createRandom(1))).toThrow('unknown toy data set "rings"');
    expect(() => generateToyData('xor', 3, 0, createRandom(1))).toThrow('at least 4 points');
    expect(() => generateToyData('xor', 10, -1, createRandom(1))).toThrow('noise must be a number, 0 or more');
  });
});
