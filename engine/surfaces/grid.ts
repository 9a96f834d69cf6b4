// Evaluates a surface on a regular grid for contour plots: a flat row-major Float64Array with its bounds; pure, any process.
import type { Bounds, Surface } from './catalog.js';
import { parseExpression, type Expr } from './expression.js';
import { compileGridRows } from './gridRows.js';

/** Values on an nx × ny grid; values[j * nx + i] is f(x_i, y_j), x and y ascending (row 0 is yMin). */
export interface SurfaceGrid {
  bounds: Bounds;
  nx: number;
  ny: number;
  values: Float64Array;
  min: number;
  max: number;
}

/**
 * Samples the surface at nx × ny points spanning the bounds, corners included. Non-finite values are kept as NaN.
 * A surface with a formula is evaluated from it row by row (see compileGridRows): the same operations as its value
 * function for a typed expression, and within round-off of it for a built-in one (whose value is written by hand).
 */
export function evaluateGrid(surface: Pick<Surface, 'value'> & Partial<Pick<Surface, 'formula'>>, bounds: Bounds, nx: number, ny: number): SurfaceGrid {
  if (!(Number.isInteger(nx) && Number.isInteger(ny) && nx >= 2 && ny >= 2)) throw new Error('a grid needs at least 2 × 2 points');
  if (!(bounds.xMax > bounds.xMin && bounds.yMax > bounds.yMin)) throw new Error('grid bounds must have xMax > xMin and yMax > yMin');
  const values = new Float64Array(nx * ny);
  const xs = new Float64Array(nx);
  for (let i = 0; i < nx; i++) xs[i] = bounds.xMin + ((bounds.xMax - bounds.xMin) * i) / (nx - 1);
  const expression = surface.formula === undefined ? undefined : parsedOrUndefined(surface.formula);
  const rows = expression ? compileGridRows(expression, xs) : undefined;
  const row = new Float64Array(nx);
  let min = Infinity,
    max = -Infinity;
  for (let j = 0; j < ny; j++) {
    const y = bounds.yMin + ((bounds.yMax - bounds.yMin) * j) / (ny - 1);
    const line = rows ? rows(y) : row;
    if (!rows) for (let i = 0; i < nx; i++) row[i] = surface.value(xs[i]!, y);
    const offset = j * nx;
    values.set(line, offset);
    for (let i = 0; i < nx; i++) {
      const v = line[i]!;
      // v − v is 0 exactly when v is finite.
      if (v - v === 0) {
        if (v < min) min = v;
        if (v > max) max = v;
      } else values[offset + i] = NaN;
    }
  }
  return { bounds, nx, ny, values, min, max };
}

function parsedOrUndefined(formula: string): Expr | undefined {
  try {
    return parseExpression(formula);
  } catch {
    return undefined;
  }
}
