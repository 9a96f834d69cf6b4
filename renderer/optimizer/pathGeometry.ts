// Geometry of an optimizer's path over the contour plot and of its learning curve (renderer); pure, no DOM.
import type { Point } from '../../plots/chartGeometry.js';
import { dataToScreen, type PlotFrame } from '../../plots/chartFrame.js';

/** The points an engine's surface.path gives: x, y and f per step, start included. */
export interface PathArrays {
  x: Float64Array;
  y: Float64Array;
  f: Float64Array;
}
export interface ScreenPoint {
  px: number;
  py: number;
}

/** The drawn path: its line, the dots of its points (thinned when dense), and its start and end when they are drawable. */
export interface ScreenPath {
  d: string;
  dots: ScreenPoint[];
  start: ScreenPoint | undefined;
  end: ScreenPoint | undefined;
}

/** The path's points up to step `step` (all of them when it is shorter), sharing the path's buffers. */
export function pathUpTo(path: PathArrays, step: number): PathArrays {
  const n = Math.max(0, Math.min(path.x.length, Math.floor(step) + 1));
  return { x: path.x.subarray(0, n), y: path.y.subarray(0, n), f: path.f.subarray(0, n) };
}

/** How many leading points are finite (the engine stops a path at the first non-finite one; this guards the drawing). */
export function finiteLength(path: PathArrays): number {
  const n = Math.min(path.x.length, path.y.length, path.f.length);
  for (let i = 0; i < n; i++) if (!(Number.isFinite(path.x[i]) && Number.isFinite(path.y[i]) && Number.isFinite(path.f[i]))) return i;
  return n;
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const inside = (p: ScreenPoint, limit: number) => Math.abs(p.px) <= limit && Math.abs(p.py) <= limit;

/** Where the segment from `from` (inside the box |px|, |py| ≤ limit) towards `to` (outside) leaves the box. */
export function exitPoint(from: ScreenPoint, to: ScreenPoint, limit: number): ScreenPoint {
  let t = 1;
  for (const [a, b] of [
    [from.px, to.px],
    [from.py, to.py],
  ] as const) {
    if (b > limit) t = Math.min(t, (limit - a) / (b - a));
    else if (b < -limit) t = Math.min(t, (-limit - a) / (b - a));
  }
  return { px: from.px + t * (to.px - from.px), py: from.py + t * (to.py - from.py) };
}

/**
 * The path in screen pixels. Points closer than `minDistance` pixels to the last kept one are dropped (the end always
 * stays), so a path of 100000 steps draws as fast as one of 100. A diverging path reaches numbers no SVG renderer
 * draws: segments are cut where they leave a box `limitFactor` times the plot's size, and resume where they come back.
 */
export function screenPath(path: PathArrays, frame: PlotFrame, minDistance = 0.75, limitFactor = 8): ScreenPath {
  const n = finiteLength(path);
  const limit = limitFactor * Math.max(frame.innerWidth, frame.innerHeight, 1);
  const parts: string[] = [];
  const dots: ScreenPoint[] = [];
  let previous: ScreenPoint | undefined;
  let lastKept: ScreenPoint | undefined;
  let drawing = false;
  const emit = (command: 'M' | 'L', p: ScreenPoint) => parts.push(`${command}${round1(p.px)},${round1(p.py)}`);
  for (let i = 0; i < n; i++) {
    const { px, py } = dataToScreen(frame, { x: path.x[i]!, y: path.y[i]! });
    const p = { px, py };
    const isLast = i === n - 1;
    if (inside(p, limit)) {
      if (!drawing) {
        if (previous) emit('M', exitPoint(p, previous, limit));
        emit(previous ? 'L' : 'M', p);
        drawing = true;
        lastKept = p;
        dots.push(p);
      } else if (isLast || Math.hypot(p.px - lastKept!.px, p.py - lastKept!.py) >= minDistance) {
        emit('L', p);
        lastKept = p;
        dots.push(p);
      }
    } else if (drawing && previous) {
      if (lastKept !== previous) emit('L', previous);
      emit('L', exitPoint(previous, p, limit));
      drawing = false;
    }
    previous = p;
  }
  const first = n > 0 ? dataToScreen(frame, { x: path.x[0]!, y: path.y[0]! }) : undefined;
  const last = n > 0 ? dataToScreen(frame, { x: path.x[n - 1]!, y: path.y[n - 1]! }) : undefined;
  return {
    d: parts.join(''),
    dots: dots.map((p) => ({ px: round1(p.px), py: round1(p.py) })),
    start: first && inside(first, limit) ? { px: round1(first.px), py: round1(first.py) } : undefined,
    end: last && inside(last, limit) ? { px: round1(last.px), py: round1(last.py) } : undefined,
  };
}

/** The learning curve f(x_t) against step t, the finite part only; a long run keeps every k-th step (and the last). */
export function curvePoints(f: Float64Array, maxPoints = 600): Point[] {
  let n = 0;
  while (n < f.length && Number.isFinite(f[n])) n++;
  const stride = Math.max(1, Math.ceil(n / maxPoints));
  const points: Point[] = [];
  for (let t = 0; t < n; t += stride) points.push({ x: t, y: f[t]! });
  if (n > 0 && points.at(-1)!.x !== n - 1) points.push({ x: n - 1, y: f[n - 1]! });
  return points;
}

/** The y extent of several learning curves, padded a little; [0, 1] when there is nothing to show. */
export function curveDomain(curves: readonly (readonly Point[])[]): [number, number] {
  let lo = Infinity,
    hi = -Infinity;
  for (const curve of curves)
    for (const p of curve) {
      lo = Math.min(lo, p.y);
      hi = Math.max(hi, p.y);
    }
  if (!Number.isFinite(lo)) return [0, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.04;
  return [lo - pad, hi + pad];
}
