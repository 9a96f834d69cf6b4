// Contour levels of a grid (pure, any process): thresholds at quantiles of the values, so every band covers a like share of the plot, and their colours.
import { contours, interpolateYlGnBu, quantileSorted, type ContourMultiPolygon } from 'd3';

/**
 * Thresholds at the 0, 1/n, …, (n−1)/n quantiles of the finite values: the first is the minimum, so the lowest band
 * fills every finite cell. Repeated values collapse, so a flat surface gives fewer levels. A surface whose range is
 * huge (Rosenbrock) still shows its shape everywhere, where even thresholds would paint almost all of it one colour.
 */
export function quantileThresholds(values: ArrayLike<number>, levels = 16): number[] {
  if (!(Number.isInteger(levels) && levels >= 1)) throw new Error('levels must be a positive whole number');
  const sorted = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (!sorted.length) return [];
  const thresholds: number[] = [];
  for (let k = 0; k < levels; k++) {
    const t = quantileSorted(sorted, k / levels)!;
    if (!thresholds.length || t > thresholds.at(-1)!) thresholds.push(t);
  }
  return thresholds;
}

/** The colour of band k of n: dark blue for the lowest values, pale yellow for the highest. */
export function bandColour(k: number, n: number): string {
  const t = n <= 1 ? 0 : k / (n - 1);
  return interpolateYlGnBu(0.85 - 0.8 * t);
}

/** Filled contours of a row-major nx × ny grid, one MultiPolygon per threshold, in grid units (d3.contours). */
export function filledContours(values: ArrayLike<number>, nx: number, ny: number, thresholds: readonly number[]): ContourMultiPolygon[] {
  // d3.contours only indexes the values, so a typed array serves as well as the number[] its types ask for.
  return contours()
    .size([nx, ny])
    .thresholds([...thresholds])(values as unknown as number[]);
}
