// Evaluates a surface on a regular grid for contour plots: a flat row-major Float64Array with its bounds.
import type { Bounds, Surface } from './catalog.js';

/** Values on an nx × ny grid; values[j * nx + i] is f(x_i, y_j), x and y ascending (row 0 is yMin). */
export interface SurfaceGrid {
  bounds: Bounds;
  nx: number;
  ny: number;
  values: Float64Array;
  min: number;
  max: number;
}

/** Samples the surface at nx × ny points spanning the bounds, corners included. Non-finite values are kept as NaN. */
export function evaluateGrid(surface: Pick<Surface, 'value'>, bounds: Bounds, nx: number, ny: number): SurfaceGrid {
  if (!(Number.isInteger(nx) && Number.isInteger(ny) && nx >= 2 && ny >= 2)) throw new Error('a grid needs at least 2 × 2 points');
  if (!(bounds.xMax > bounds.xMin && bounds.yMax > bounds.yMin)) throw new Error('grid bounds must have xMax > xMin and yMax > yMin');
  const values = new Float64Array(nx * ny);
  let min = Infinity,
    max = -Infinity;
  for (let j = 0; j < ny; j++) {
    const y = bounds.yMin + ((bounds.yMax - bounds.yMin) * j) / (ny - 1);
    for (let i = 0; i < nx; i++) {
      const x = bounds.xMin + ((bounds.xMax - bounds.xMin) * i) / (nx - 1);
      let v = surface.value(x, y);
      if (!Number.isFinite(v)) v = NaN;
      else {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      values[j * nx + i] = v;
    }
  }
  return { bounds, nx, ny, values, min, max };
}
