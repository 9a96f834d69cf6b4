// Tests the built-in surfaces: analytic gradients against automatic differentiation, minima, grid layout.
import { describe, expect, it } from 'vitest';
import { SURFACES, findSurface } from '../../../engine/surfaces/catalog.js';
import { resolveSurface, surfaceFromExpression } from '../../../engine/surfaces/userSurface.js';
import { evaluateGrid } from '../../../engine/surfaces/grid.js';

describe('built-in surfaces', () => {
  for (const surface of SURFACES) {
    it(`${surface.id}: its formula text gives the same values and gradients as its hand-written code`, () => {
      const typed = surfaceFromExpression(surface.formula);
      const a = new Float64Array(2),
        b = new Float64Array(2);
      for (const [x, y] of [
        [0.3, -1.2],
        [1.7, 0.9],
        [-2.2, 2.4],
      ] as const) {
        expect(typed.value(x, y)).toBeCloseTo(surface.value(x, y), 9);
        surface.gradient(x, y, a);
        typed.gradient(x, y, b);
        expect(a[0]).toBeCloseTo(b[0]!, 8);
        expect(a[1]).toBeCloseTo(b[1]!, 8);
      }
    });

    it(`${surface.id}: the gradient vanishes at each listed minimum`, () => {
      const g = new Float64Array(2);
      for (const m of surface.minima) {
        surface.gradient(m.x, m.y, g);
        expect(Math.hypot(g[0]!, g[1]!)).toBeLessThan(1e-3);
      }
    });
  }

  it('resolves an id to the built-in surface and anything else as an expression', () => {
    expect(resolveSurface('rosenbrock')).toBe(findSurface('rosenbrock'));
    expect(resolveSurface('x*y').value(2, 3)).toBe(6);
  });
});

describe('evaluateGrid', () => {
  it('lays values out row-major with x varying fastest and y ascending, corners included', () => {
    const grid = evaluateGrid({ value: (x, y) => 10 * y + x }, { xMin: 0, xMax: 2, yMin: 0, yMax: 1 }, 3, 2);
    expect(Array.from(grid.values)).toEqual([0, 1, 2, 10, 11, 12]);
    expect(grid.min).toBe(0);
    expect(grid.max).toBe(12);
  });

  it('keeps non-finite values as NaN and leaves them out of the range', () => {
    const grid = evaluateGrid(surfaceFromExpression('log(x)'), { xMin: -1, xMax: 1, yMin: 0, yMax: 1 }, 3, 2);
    expect(Number.isNaN(grid.values[0])).toBe(true);
    expect(grid.max).toBe(0);
  });

  it('rejects a grid smaller than 2 × 2 and empty bounds', () => {
    expect(() => evaluateGrid({ value: () => 0 }, { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, 1, 5)).toThrow('at least 2 × 2');
    expect(() => evaluateGrid({ value: () => 0 }, { xMin: 1, xMax: 1, yMin: 0, yMax: 1 }, 3, 3)).toThrow('xMax > xMin');
  });
});
