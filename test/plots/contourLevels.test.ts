// The Optimizer lab's contour levels (plain Node): thresholds at quantiles of the grid, band colours, filled contours.
import { describe, expect, it } from 'vitest';
import { bandColour, filledContours, quantileThresholds } from '../../plots/contourLevels.js';

describe('quantileThresholds', () => {
  it('starts at the minimum and rises through the quantiles of the values', () => {
    const values = Float64Array.from({ length: 101 }, (_, i) => i);
    expect(quantileThresholds(values, 4)).toEqual([0, 25, 50, 75]);
  });

  it('ignores NaN and infinite values', () => {
    expect(quantileThresholds([NaN, 1, Infinity, 3, -Infinity, 2, 4], 2)).toEqual([1, 2.5]);
    expect(quantileThresholds([NaN, NaN])).toEqual([]);
  });

  it('collapses repeated values, so a flat surface gives one level', () => {
    expect(quantileThresholds(new Float64Array(50).fill(7), 16)).toEqual([7]);
  });

  it('spreads the levels over a huge range where even thresholds would not (a Rosenbrock-like valley)', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i / 10) ** 4); // 0 … ~1e8, most values small
    const thresholds = quantileThresholds(values, 10);
    expect(thresholds).toHaveLength(10);
    const even = Array.from({ length: 10 }, (_, k) => (k * values[999]!) / 10);
    const cellsBelowSecondLevel = (t: number) => values.filter((v) => v < t).length;
    expect(cellsBelowSecondLevel(thresholds[1]!)).toBe(100); // a tenth of the plot per band
    expect(cellsBelowSecondLevel(even[1]!)).toBeGreaterThan(500); // even levels paint half the plot one colour
  });

  it('refuses a level count that is not a positive whole number', () => {
    expect(() => quantileThresholds([1, 2], 0)).toThrow(/levels/);
  });
});

describe('bandColour', () => {
  it('paints the lowest band dark and the highest pale', () => {
    const lightness = (rgb: string) =>
      rgb
        .match(/\d+/g)!
        .map(Number)
        .reduce((a, b) => a + b, 0);
    expect(lightness(bandColour(0, 16))).toBeLessThan(lightness(bandColour(15, 16)));
    expect(bandColour(0, 1)).toBe(bandColour(0, 16));
  });
});

describe('filledContours', () => {
  it('gives one MultiPolygon per threshold, the lowest covering the whole grid', () => {
    // f = x + y on a 3 × 3 grid, row-major with y ascending.
    const values = Float64Array.of(0, 1, 2, 1, 2, 3, 2, 3, 4);
    const contours = filledContours(values, 3, 3, [0, 2]);
    expect(contours.map((c) => c.value)).toEqual([0, 2]);
    const lowest = contours[0]!.coordinates.flat(2);
    expect([Math.min(...lowest.map((p) => p[0]!)), Math.max(...lowest.map((p) => p[0]!))]).toEqual([0, 3]);
    expect([Math.min(...lowest.map((p) => p[1]!)), Math.max(...lowest.map((p) => p[1]!))]).toEqual([0, 3]);
    expect(contours[1]!.coordinates).toHaveLength(1);
  });
});
