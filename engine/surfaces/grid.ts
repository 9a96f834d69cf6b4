// Evaluates a surface on a regular grid for contour plots: a flat row-major Float64Array with its bounds, at once or time-sliced; pure, any process.
import type { TimeSlicer } from '../work/timeSlicer.js';
import type { Bounds, GridRowFill, Surface, ValueRange } from './catalog.js';
import { parseExpression, type Expr } from './expression.js';
import { compileGridRows, type RowEvaluator } from './gridRows.js';

/** Values on an nx × ny grid; values[j * nx + i] is f(x_i, y_j), x and y ascending (row 0 is yMin). */
export interface SurfaceGrid {
  bounds: Bounds;
  nx: number;
  ny: number;
  values: Float64Array;
  min: number;
  max: number;
}

type GridSurface = Pick<Surface, 'value'> & Partial<Pick<Surface, 'formula' | 'gridRows'>>;

function parsedOrUndefined(formula: string): Expr | undefined {
  try {
    return parseExpression(formula);
  } catch {
    return undefined;
  }
}

/**
 * A grid being filled row by row (checked, allocated once). A surface with a formula is evaluated from it a row at a time
 * (its own gridRows where it has them, else compileGridRows): the same operations as its value function for a typed
 * expression, and within round-off of it for a built-in one (whose value is written by hand); `grid()` gives the result
 * when every row is done.
 */
class GridFill {
  readonly values: Float64Array;
  private readonly xs: Float64Array;
  private readonly fill: GridRowFill | undefined;
  private readonly rows: RowEvaluator | undefined;
  private readonly row: Float64Array;
  private readonly range: ValueRange = { min: Infinity, max: -Infinity };

  constructor(
    readonly surface: GridSurface,
    readonly bounds: Bounds,
    readonly nx: number,
    readonly ny: number,
  ) {
    if (!(Number.isInteger(nx) && Number.isInteger(ny) && nx >= 2 && ny >= 2)) throw new Error('a grid needs at least 2 × 2 points');
    if (!(bounds.xMax > bounds.xMin && bounds.yMax > bounds.yMin)) throw new Error('grid bounds must have xMax > xMin and yMax > yMin');
    this.values = new Float64Array(nx * ny);
    this.xs = new Float64Array(nx);
    for (let i = 0; i < nx; i++) this.xs[i] = bounds.xMin + ((bounds.xMax - bounds.xMin) * i) / (nx - 1);
    this.fill = surface.gridRows?.(this.xs);
    const expression = this.fill || surface.formula === undefined ? undefined : parsedOrUndefined(surface.formula);
    this.rows = expression ? compileGridRows(expression, this.xs) : undefined;
    this.row = new Float64Array(nx);
  }

  /** Evaluates row j; non-finite values are kept as NaN. */
  fillRow(j: number): void {
    const { bounds, nx, ny, xs, row, range } = this;
    const y = bounds.yMin + ((bounds.yMax - bounds.yMin) * j) / (ny - 1);
    const offset = j * nx;
    if (this.fill) return this.fill(y, this.values.subarray(offset, offset + nx), range);
    // A formula's row is written straight into the grid; a value function's through the row buffer.
    const line = this.rows ? this.rows(y, this.values.subarray(offset, offset + nx)) : row;
    if (!this.rows) {
      for (let i = 0; i < nx; i++) row[i] = this.surface.value(xs[i]!, y);
      this.values.set(row, offset);
    }
    let { min, max } = range;
    for (let i = 0; i < nx; i++) {
      const v = line[i]!;
      // v − v is 0 exactly when v is finite.
      if (v - v === 0) {
        if (v < min) min = v;
        if (v > max) max = v;
      } else this.values[offset + i] = NaN;
    }
    range.min = min;
    range.max = max;
  }

  grid(): SurfaceGrid {
    return { bounds: this.bounds, nx: this.nx, ny: this.ny, values: this.values, min: this.range.min, max: this.range.max };
  }
}

/** Samples the surface at nx × ny points spanning the bounds, corners included. Non-finite values are kept as NaN. */
export function evaluateGrid(surface: GridSurface, bounds: Bounds, nx: number, ny: number): SurfaceGrid {
  const fill = new GridFill(surface, bounds, nx, ny);
  for (let j = 0; j < ny; j++) fill.fillRow(j);
  return fill.grid();
}

/** The same grid as evaluateGrid, paced by `slicer` between rows (a stop ends it with WorkStoppedError). */
export async function evaluateGridSliced(surface: GridSurface, bounds: Bounds, nx: number, ny: number, slicer: TimeSlicer): Promise<SurfaceGrid> {
  const fill = new GridFill(surface, bounds, nx, ny);
  for (let j = 0; j < ny; j++) {
    fill.fillRow(j);
    if (slicer.due()) await slicer.turn();
  }
  return fill.grid();
}
