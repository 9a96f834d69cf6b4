// Evaluates a surface on a regular grid for contour plots: a flat row-major Float64Array with its bounds, at once or time-sliced; pure, any process.
import type { TimeSlicer } from '../work/timeSlicer.js';
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

/** A grid being filled row by row (checked, allocated once); `grid()` gives it when every row is done. */
class GridFill {
  readonly values: Float64Array;
  min = Infinity;
  max = -Infinity;

  constructor(
    readonly surface: Pick<Surface, 'value'>,
    readonly bounds: Bounds,
    readonly nx: number,
    readonly ny: number,
  ) {
    if (!(Number.isInteger(nx) && Number.isInteger(ny) && nx >= 2 && ny >= 2)) throw new Error('a grid needs at least 2 × 2 points');
    if (!(bounds.xMax > bounds.xMin && bounds.yMax > bounds.yMin)) throw new Error('grid bounds must have xMax > xMin and yMax > yMin');
    this.values = new Float64Array(nx * ny);
  }

  /** Evaluates the point (i, j). */
  point(i: number, j: number): void {
    const { bounds, nx, ny } = this;
    const y = bounds.yMin + ((bounds.yMax - bounds.yMin) * j) / (ny - 1);
    const x = bounds.xMin + ((bounds.xMax - bounds.xMin) * i) / (nx - 1);
    let v = this.surface.value(x, y);
    if (!Number.isFinite(v)) v = NaN;
    else {
      if (v < this.min) this.min = v;
      if (v > this.max) this.max = v;
    }
    this.values[j * nx + i] = v;
  }

  grid(): SurfaceGrid {
    return { bounds: this.bounds, nx: this.nx, ny: this.ny, values: this.values, min: this.min, max: this.max };
  }
}

/** Samples the surface at nx × ny points spanning the bounds, corners included. Non-finite values are kept as NaN. */
export function evaluateGrid(surface: Pick<Surface, 'value'>, bounds: Bounds, nx: number, ny: number): SurfaceGrid {
  const fill = new GridFill(surface, bounds, nx, ny);
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) fill.point(i, j);
  return fill.grid();
}

/** The same grid as evaluateGrid, paced by `slicer` (a stop ends it with WorkStoppedError). */
export async function evaluateGridSliced(surface: Pick<Surface, 'value'>, bounds: Bounds, nx: number, ny: number, slicer: TimeSlicer): Promise<SurfaceGrid> {
  const fill = new GridFill(surface, bounds, nx, ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      fill.point(i, j);
      if (slicer.due()) await slicer.turn();
    }
  }
  return fill.grid();
}
