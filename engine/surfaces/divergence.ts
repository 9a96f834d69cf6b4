// When a descent has diverged: it left a bounded region around the surface's window, or its value grew without limit or stopped being finite; pure, any process.
import type { Bounds, Surface } from './catalog.js';

/** The region a path must stay in reaches this many window widths (and heights) beyond each side of the window. */
export const ESCAPE_SPANS = 10;
/** A value this many times larger than any seen on the window (at its corners, edge midpoints, centre and the start) has grown without limit. */
export const GROWTH_FACTOR = 1e6;

/** What a descent on one surface is checked against at every step. */
export interface DivergenceCheck {
  region: Bounds;
  /** |f| above this has grown without limit. */
  valueLimit: number;
}

/** The region and value limit for a descent on `surface` from `start`. */
export function divergenceCheck(surface: Pick<Surface, 'value' | 'bounds'>, start: { x: number; y: number }): DivergenceCheck {
  const { xMin, xMax, yMin, yMax } = surface.bounds;
  const w = xMax - xMin,
    h = yMax - yMin;
  let scale = Math.abs(surface.value(start.x, start.y));
  for (const fx of [0, 0.5, 1])
    for (const fy of [0, 0.5, 1]) {
      const v = Math.abs(surface.value(xMin + fx * w, yMin + fy * h));
      if (Number.isFinite(v) && v > scale) scale = v;
    }
  return {
    region: { xMin: xMin - ESCAPE_SPANS * w, xMax: xMax + ESCAPE_SPANS * w, yMin: yMin - ESCAPE_SPANS * h, yMax: yMax + ESCAPE_SPANS * h },
    valueLimit: GROWTH_FACTOR * (1 + (Number.isFinite(scale) ? scale : 0)),
  };
}

/** How a step diverged, if it did: a non-finite number first, then the region, then the growth of f. */
export type DivergenceKind = 'non-finite' | 'left-region' | 'grew';

/** Whether the point (x, y) with value f has diverged, and how; undefined when it has not. */
export function divergenceOf(check: DivergenceCheck, x: number, y: number, f: number): DivergenceKind | undefined {
  if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(f))) return 'non-finite';
  const r = check.region;
  if (x < r.xMin || x > r.xMax || y < r.yMin || y > r.yMax) return 'left-region';
  if (Math.abs(f) > check.valueLimit) return 'grew';
  return undefined;
}

const short = (v: number) => String(Number(v.toPrecision(4)));

/**
 * The sentence a diverged path carries: what happened, at which step, and the likely cause — a step size too large
 * when f rose, a surface that falls without limit that way when f fell below where it started.
 */
export function divergenceSentence(kind: DivergenceKind, step: number, check: DivergenceCheck, learningRate: number, fell: boolean): string {
  const cause = fell ? 'f keeps falling that way, so the surface has no minimum there' : `the step size ${learningRate} is too large for this surface`;
  const r = check.region;
  switch (kind) {
    case 'non-finite':
      return `the path left the finite numbers at step ${step}: ${cause}`;
    case 'left-region':
      return `the path left the region x ∈ [${short(r.xMin)}, ${short(r.xMax)}], y ∈ [${short(r.yMin)}, ${short(r.yMax)}] at step ${step}: ${cause}`;
    case 'grew':
      return `f grew without limit (|f| above ${short(check.valueLimit)}) at step ${step}: ${cause}`;
  }
}
