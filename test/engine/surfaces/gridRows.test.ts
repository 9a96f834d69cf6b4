// The grid's row-by-row evaluation of a formula against the pointwise values of the same surface, and a built-in's own rows against its formula's.
import { describe, expect, it } from 'vitest';
import { SURFACES } from '../../../engine/surfaces/catalog.js';
import { parseExpression } from '../../../engine/surfaces/expression.js';
import { evaluateGrid } from '../../../engine/surfaces/grid.js';
import { compileGridRows } from '../../../engine/surfaces/gridRows.js';
import { surfaceFromExpression } from '../../../engine/surfaces/userSurface.js';

const bounds = { xMin: -2.5, xMax: 3, yMin: -1.5, yMax: 2 };
const [nx, ny] = [37, 23];

/** The grid computed one value() call per point, as it was before rows. */
function pointwise(value: (x: number, y: number) => number): Float64Array {
  const values = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const y = bounds.yMin + ((bounds.yMax - bounds.yMin) * j) / (ny - 1);
    for (let i = 0; i < nx; i++) {
      const v = value(bounds.xMin + ((bounds.xMax - bounds.xMin) * i) / (nx - 1), y);
      values[j * nx + i] = Number.isFinite(v) ? v : NaN;
    }
  }
  return values;
}

describe('a grid evaluated row by row from the formula', () => {
  it.each([
    'x^2 + y^2 + x*(y + 2) + cos(3*x)',
    'sin(x*y) + exp(-(x^2 + y^2)/10)',
    '-x / (1 + y^2) - 2^y + x^y',
    'tan(x) * tanh(y) + sinh(x/3) - cosh(y/2) + atan(x - y)',
    'sqrt(abs(x*y)) + log(x + 3) - 3 * 4 + -(2)',
    'y',
    'x',
    'pi * e',
    '-(y^3) * cos(y) + log(y)',
  ])('equals the typed surface value at every point, bit for bit: %s', (text) => {
    const surface = surfaceFromExpression(text, bounds);
    const grid = evaluateGrid(surface, bounds, nx, ny);
    expect(grid.values).toEqual(pointwise(surface.value));
  });

  it.each(SURFACES.map((surface) => [surface.id, surface] as const))(
    "equals the built-in surface's hand-written value within 1e-12 relative (%s)",
    (_id, surface) => {
      const grid = evaluateGrid(surface, bounds, nx, ny);
      const expected = pointwise((x, y) => surface.value(x, y));
      for (let i = 0; i < expected.length; i++) {
        expect(Math.abs(grid.values[i]! - expected[i]!)).toBeLessThanOrEqual(1e-12 * Math.abs(expected[i]!) + 1e-300);
      }
    },
  );

  it('reports the least and greatest finite values and keeps the rest as NaN', () => {
    const grid = evaluateGrid(surfaceFromExpression('log(x) + y'), bounds, nx, ny);
    const finite = Array.from(grid.values).filter((v) => !Number.isNaN(v));
    expect(finite.length).toBeGreaterThan(0);
    expect(finite.length).toBeLessThan(nx * ny);
    expect(grid.min).toBe(Math.min(...finite));
    expect(grid.max).toBe(Math.max(...finite));
  });
});

describe("a built-in surface's own grid rows", () => {
  const withRows = SURFACES.filter((surface) => surface.gridRows);

  it('exist for the exercise surface', () => {
    expect(withRows.map((surface) => surface.id)).toContain('exercise');
  });

  it.each(withRows.map((surface) => [surface.id, surface] as const))('equal the rows compiled from its formula, bit for bit (%s)', (_id, surface) => {
    const xs = Float64Array.from({ length: nx }, (_, i) => bounds.xMin + ((bounds.xMax - bounds.xMin) * i) / (nx - 1));
    const compiled = compileGridRows(parseExpression(surface.formula), xs);
    const own = surface.gridRows!(xs);
    const range = { min: Infinity, max: -Infinity };
    const all: number[] = [];
    for (let j = 0; j < ny; j++) {
      const y = bounds.yMin + ((bounds.yMax - bounds.yMin) * j) / (ny - 1);
      const row = new Float64Array(nx);
      own(y, row, range);
      expect(row).toEqual(compiled(y, new Float64Array(nx)));
      all.push(...row);
    }
    expect(range).toEqual({ min: Math.min(...all), max: Math.max(...all) });
  });

  it('keep a value that is not finite as NaN, and leave it out of the range', () => {
    const exercise = SURFACES.find((surface) => surface.id === 'exercise')!;
    const row = new Float64Array(3);
    const range = { min: Infinity, max: -Infinity };
    exercise.gridRows!(Float64Array.of(-1e200, 0, 1))(0, row, range);
    expect(row[0]).toBeNaN();
    expect(Array.from(row.subarray(1))).toEqual([exercise.value(0, 0), exercise.value(1, 0)]);
    expect(range).toEqual({ min: 1, max: exercise.value(1, 0) });
  });

  it('give the same grid as the surface typed as its formula, bit for bit', () => {
    for (const surface of withRows) {
      expect(evaluateGrid(surface, bounds, nx, ny).values).toEqual(evaluateGrid(surfaceFromExpression(surface.formula, bounds), bounds, nx, ny).values);
    }
  });
});
