// Decimation of long series for drawing: everything while it fits, else every 2^k-th point and the last, stable as the series grows.
import { describe, expect, it } from 'vitest';
import { decimatedIndices, decimatedPoints } from '../../plots/decimate.js';

describe('decimated indices', () => {
  it('keep every point of a series that fits', () => {
    expect(decimatedIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    expect(decimatedIndices(0, 10)).toEqual([]);
  });

  it('keep at most about the limit of a long series, evenly spaced by a power of two, with the last point', () => {
    const indices = decimatedIndices(1_000_001, 1000);
    expect(indices.length).toBeLessThanOrEqual(1001);
    expect(indices.length).toBeGreaterThan(400);
    const stride = indices[1]! - indices[0]!;
    expect(Math.log2(stride) % 1).toBe(0);
    expect(indices.at(-1)).toBe(1_000_000);
    expect(indices.slice(0, -1).every((index, i) => index === i * stride)).toBe(true);
  });

  it('draw the same points as the series grows until the stride doubles', () => {
    const before = decimatedIndices(5000, 1000).slice(0, -1);
    const after = decimatedIndices(5600, 1000);
    expect(after.slice(0, before.length)).toEqual(before);
  });

  it('read the points of anything indexed like an array', () => {
    const series = { length: 3000, at: (i: number) => ({ x: i, y: i * i }) };
    const points = decimatedPoints(series, 100, (p) => p.y);
    expect(points.at(-1)).toBe(2999 * 2999);
    expect(points.length).toBeLessThanOrEqual(101);
  });
});
