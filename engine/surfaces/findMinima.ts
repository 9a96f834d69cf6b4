// Finds the local minima of a surface inside its window: the grid's lowest cells, each refined by Newton's method on the exact gradient; pure, any process.
import type { Bounds, Surface } from './catalog.js';
import type { SurfaceGrid } from './grid.js';

/** A minimum of f: where, and its value. */
export interface SurfaceMinimum {
  x: number;
  y: number;
  f: number;
}

/** At most this many minima are looked for (the lowest grid cells first). */
export const MAX_FOUND_MINIMA = 8;

const inside = (b: Bounds, x: number, y: number) => x >= b.xMin && x <= b.xMax && y >= b.yMin && y <= b.yMax;

/**
 * Newton's method from (x, y) with the Hessian by central differences of the gradient; the point where the gradient
 * vanishes and the Hessian is positive definite, or undefined when it does not converge to one inside the bounds.
 */
export function refineMinimum(surface: Pick<Surface, 'value' | 'gradient'>, bounds: Bounds, x: number, y: number): SurfaceMinimum | undefined {
  const g = new Float64Array(2),
    gp = new Float64Array(2),
    gm = new Float64Array(2);
  const h = 1e-5 * Math.max(bounds.xMax - bounds.xMin, bounds.yMax - bounds.yMin);
  for (let iteration = 0; iteration < 50; iteration++) {
    surface.gradient(x, y, g);
    surface.gradient(x + h, y, gp);
    surface.gradient(x - h, y, gm);
    const hxx = (gp[0]! - gm[0]!) / (2 * h),
      hxy1 = (gp[1]! - gm[1]!) / (2 * h);
    surface.gradient(x, y + h, gp);
    surface.gradient(x, y - h, gm);
    const hyy = (gp[1]! - gm[1]!) / (2 * h),
      hxy = (hxy1 + (gp[0]! - gm[0]!) / (2 * h)) / 2;
    const det = hxx * hyy - hxy * hxy;
    if (!(hxx > 0 && det > 0)) return undefined;
    const dx = (hyy * g[0]! - hxy * g[1]!) / det,
      dy = (hxx * g[1]! - hxy * g[0]!) / det;
    x -= dx;
    y -= dy;
    if (!inside(bounds, x, y)) return undefined;
    if (Math.hypot(dx, dy) <= 1e-12 * (1 + Math.hypot(x, y))) {
      const f = surface.value(x, y);
      return Number.isFinite(f) ? { x, y, f } : undefined;
    }
  }
  return undefined;
}

/**
 * The local minima of `surface` inside the grid's window, lowest first: every interior grid point no higher than its eight
 * neighbours (the MAX_FOUND_MINIMA lowest), refined by refineMinimum; points that converge to the same minimum count once.
 */
export function findMinima(surface: Pick<Surface, 'value' | 'gradient'>, grid: SurfaceGrid): SurfaceMinimum[] {
  const { nx, ny, values, bounds } = grid;
  const candidates: { i: number; j: number; v: number }[] = [];
  for (let j = 1; j < ny - 1; j++)
    for (let i = 1; i < nx - 1; i++) {
      const v = values[j * nx + i]!;
      if (!Number.isFinite(v)) continue;
      let lowest = true;
      for (let dj = -1; dj <= 1 && lowest; dj++)
        for (let di = -1; di <= 1; di++) {
          if (di === 0 && dj === 0) continue;
          const w = values[(j + dj) * nx + i + di]!;
          if (!(v <= w)) {
            lowest = false;
            break;
          }
        }
      if (lowest) candidates.push({ i, j, v });
    }
  candidates.sort((a, b) => a.v - b.v);
  const found: SurfaceMinimum[] = [];
  const near = Math.max(bounds.xMax - bounds.xMin, bounds.yMax - bounds.yMin) * 1e-6;
  for (const c of candidates.slice(0, MAX_FOUND_MINIMA)) {
    const x = bounds.xMin + ((bounds.xMax - bounds.xMin) * c.i) / (nx - 1);
    const y = bounds.yMin + ((bounds.yMax - bounds.yMin) * c.j) / (ny - 1);
    const m = refineMinimum(surface, bounds, x, y);
    if (m && !found.some((o) => Math.hypot(o.x - m.x, o.y - m.y) < near)) found.push(m);
  }
  return found.sort((a, b) => a.f - b.f);
}
