// The learning curve's f axis on a log scale (renderer, pure): the offset added to f when it goes to 0 or below, and the axis label that says so.
import type { Point } from '../../plots/chartGeometry.js';
import { shortNumber } from './runLabels.js';

/** What the log axis plots: f + offset (offset 0 while every f is above 0), and the axis label naming it. */
export interface LogCurve {
  offset: number;
  label: string;
}

/**
 * The offset that puts every plotted f above 0 on a log axis: none when the lowest f is already above 0, else
 * −(lowest f) plus a millionth of the curves' range (at least 1e−9), so the lowest point sits six decades under the top.
 */
export function logCurve(curves: readonly (readonly Point[])[]): LogCurve {
  let lo = Infinity,
    hi = -Infinity;
  for (const curve of curves)
    for (const p of curve)
      if (Number.isFinite(p.y)) {
        lo = Math.min(lo, p.y);
        hi = Math.max(hi, p.y);
      }
  if (!Number.isFinite(lo) || lo > 0) return { offset: 0, label: 'f(x, y), log scale' };
  const offset = -lo + Math.max(1e-9, (hi - lo) * 1e-6);
  return { offset, label: `f(x, y) + ${shortNumber(offset)}, log scale` };
}

/** The y extent of curves on a log axis: from the lowest to the highest value above 0, a little wider; 1e−3 … 1 when there is none. */
export function logDomain(curves: readonly (readonly Point[])[]): [number, number] {
  let lo = Infinity,
    hi = -Infinity;
  for (const curve of curves)
    for (const p of curve)
      if (p.y > 0 && Number.isFinite(p.y)) {
        lo = Math.min(lo, p.y);
        hi = Math.max(hi, p.y);
      }
  if (!Number.isFinite(lo)) return [1e-3, 1];
  if (lo === hi) return [lo / 10, hi * 10];
  return [lo / 1.2, hi * 1.2];
}
