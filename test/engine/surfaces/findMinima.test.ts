// Tests the minima finder and the catalog's minima: gradients vanish, Hessians are positive definite, a typed surface's minima are found.
import { describe, expect, it } from 'vitest';
import { SURFACES, findSurface } from '../../../engine/surfaces/catalog.js';
import { findMinima } from '../../../engine/surfaces/findMinima.js';
import { evaluateGrid } from '../../../engine/surfaces/grid.js';
import { surfaceFromExpression } from '../../../engine/surfaces/userSurface.js';
import { descend } from '../../../engine/surfaces/descend.js';

const gridOf = (surface: (typeof SURFACES)[number]) => evaluateGrid(surface, surface.bounds, 120, 120);

describe('minima', () => {
  it("lists the exercise's three local minima, the global first, where its own run ends", () => {
    const exercise = findSurface('exercise')!;
    expect(exercise.minima).toHaveLength(3);
    const values = exercise.minima.map((m) => exercise.value(m.x, m.y));
    expect(values[0]).toBeCloseTo(-2.2807097081, 9);
    expect(Math.min(...values)).toBe(values[0]);
    const end = descend(exercise, { x: 3, y: 2 }, { learningRate: 0.15, steps: 500 });
    expect(Math.hypot(end.x[500]! - exercise.minima[0]!.x, end.y[500]! - exercise.minima[0]!.y)).toBeLessThan(1e-6);
  });

  for (const surface of SURFACES.filter((s) => s.id !== 'saddle' && s.id !== 'beale')) {
    it(`${surface.id}: the minima found on its grid are the catalog's`, () => {
      const found = findMinima(surface, gridOf(surface));
      expect(found).toHaveLength(surface.minima.length);
      for (const m of surface.minima) expect(found.some((o) => Math.hypot(o.x - m.x, o.y - m.y) < 1e-5)).toBe(true);
    });
  }

  it('finds no minimum on the saddle, which falls without limit', () => {
    expect(findMinima(findSurface('saddle')!, gridOf(findSurface('saddle')!))).toEqual([]);
  });

  it('finds the minima of a typed function, lowest first, with their values', () => {
    const surface = surfaceFromExpression('(x - 1)^2 + (y + 2)^2 + 3');
    const found = findMinima(surface, evaluateGrid(surface, surface.bounds, 60, 60));
    expect(found).toHaveLength(1);
    expect(found[0]!.x).toBeCloseTo(1, 9);
    expect(found[0]!.y).toBeCloseTo(-2, 9);
    expect(found[0]!.f).toBeCloseTo(3, 12);

    const two = surfaceFromExpression('(x^2 - 4)^2 + y^2 + x');
    const both = findMinima(two, evaluateGrid(two, two.bounds, 80, 80));
    expect(both).toHaveLength(2);
    expect(both[0]!.x).toBeLessThan(0);
    expect(both[0]!.f).toBeLessThan(both[1]!.f);
  });
});
