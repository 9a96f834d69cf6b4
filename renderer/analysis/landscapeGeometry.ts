// Geometry of the loss-landscape plot (renderer): the grid's bounds and contour levels, the trained point and the training path in pixels; pure, no DOM.
import { withMinusSign } from '../../plots/minusSign.js';
import type { LandscapeGrid } from '../../engine/protocol/landscape.js';
import { quantileThresholds } from '../../plots/contourLevels.js';
import { dataToScreen, type Bounds, type PlotFrame } from '../../plots/chartFrame.js';
import type { GridShape } from '../../plots/contourPath.js';

/** The spans (α and β run over −span..span) the plot offers: a 1-2-5 ladder from 2 down to 0.001. */
export const SPAN_CHOICES: readonly number[] = [2, 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001];

/** The bounds of the landscape's grid: alpha along x, beta along y. */
export function landscapeBounds(grid: Pick<LandscapeGrid, 'alpha' | 'beta'>): Bounds {
  const { alpha, beta } = grid;
  if (alpha.length < 2 || beta.length < 2) throw new Error('a landscape needs at least 2 coordinates along each direction');
  return { xMin: alpha[0]!, xMax: alpha[alpha.length - 1]!, yMin: beta[0]!, yMax: beta[beta.length - 1]! };
}

/** The grid as the contour code reads it: values[j·nx + i] is the loss at (alpha_i, beta_j). */
export function landscapeShape(grid: Pick<LandscapeGrid, 'alpha' | 'beta' | 'values'>): GridShape {
  const nx = grid.alpha.length;
  const ny = grid.beta.length;
  if (grid.values.length !== nx * ny) throw new Error(`a ${nx}×${ny} landscape needs ${nx * ny} values, not ${grid.values.length}`);
  return { bounds: landscapeBounds(grid), nx, ny };
}

/**
 * Contour levels of the loss at quantiles of its finite values, so the basin around the trained weights is drawn in as
 * much detail as the steep walls (the loss grows by orders of magnitude away from it).
 */
export function landscapeThresholds(values: ArrayLike<number>, levels = 14): number[] {
  return quantileThresholds(values, levels);
}

/** The smallest and largest finite loss on the grid (NaN, NaN when none is finite). */
export function lossRange(values: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  return min <= max ? { min, max } : { min: Number.NaN, max: Number.NaN };
}

export interface PathPoint {
  /** 0 is the weights before training; k the weights after epoch k. */
  epoch: number;
  alpha: number;
  beta: number;
  px: number;
  py: number;
  /** Whether the point lies within the plotted ±span. */
  inside: boolean;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** The recorded path (before training, then after each epoch) in pixels of the plot's data area. */
export function pathPoints(path: NonNullable<LandscapeGrid['path']>, frame: PlotFrame, bounds: Bounds): PathPoint[] {
  const n = Math.min(path.alpha.length, path.beta.length);
  const points: PathPoint[] = [];
  for (let k = 0; k < n; k++) {
    const alpha = path.alpha[k]!;
    const beta = path.beta[k]!;
    if (!(Number.isFinite(alpha) && Number.isFinite(beta))) continue;
    const { px, py } = dataToScreen(frame, { x: alpha, y: beta });
    const inside = alpha >= bounds.xMin && alpha <= bounds.xMax && beta >= bounds.yMin && beta <= bounds.yMax;
    points.push({ epoch: k, alpha, beta, px: round1(px), py: round1(py), inside });
  }
  return points;
}

/**
 * The epochs whose number is written beside their dot: in order, each at least `minDistance` pixels from every number
 * already placed and from the trained weights' star at `avoid`, so numbers never pile up where the path crowds.
 */
export function labelledEpochs(points: readonly PathPoint[], avoid: { px: number; py: number }, minDistance = 14): Set<number> {
  const placed: { px: number; py: number }[] = [avoid];
  const labelled = new Set<number>();
  for (const p of points) {
    if (!p.inside) continue;
    if (placed.every((q) => Math.hypot(p.px - q.px, p.py - q.py) >= minDistance)) {
      labelled.add(p.epoch);
      placed.push(p);
    }
  }
  return labelled;
}

/** An SVG polyline through the path's points, in order. */
export function pathLine(points: readonly PathPoint[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.px},${p.py}`).join('');
}

/** How far the path reaches from the trained weights along either direction: max |α|, |β| over its points. */
export function pathExtent(path: NonNullable<LandscapeGrid['path']>): number {
  let m = 0;
  for (const v of [...path.alpha, ...path.beta]) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  return m;
}

/**
 * The span that shows the whole path with a margin: the smallest choice at least 1.25 times its extent (the largest
 * choice when the path reaches further, the smallest when it does not move).
 */
export function spanForPath(extent: number): number {
  const wanted = extent * 1.25;
  const fitting = SPAN_CHOICES.filter((s) => s >= wanted);
  return fitting.length ? fitting[fitting.length - 1]! : SPAN_CHOICES[0]!;
}

/**
 * Labels for the legend's boundaries with just enough significant digits (3 to 8) that neighbours differ: a landscape
 * zoomed onto a small span can have all its levels within 0.118…0.121.
 */
export function distinctLabels(values: readonly number[]): string[] {
  const format = (v: number, digits: number) =>
    withMinusSign(Math.abs(v) >= 1e5 || (v !== 0 && Math.abs(v) < 1e-4) ? v.toExponential(digits - 1) : String(Number(v.toPrecision(digits))));
  for (let digits = 3; digits <= 8; digits++) {
    const labels = values.map((v) => format(v, digits));
    if (labels.every((label, i) => i === 0 || label !== labels[i - 1] || values[i] === values[i - 1])) return labels;
  }
  return values.map((v) => format(v, 8));
}
