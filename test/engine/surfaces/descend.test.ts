// Tests descent on surfaces: the exercise's three runs reproduced to 1e-12, every optimizer, divergence.
import { describe, expect, it } from 'vitest';
import { OPTIMIZER_KINDS } from '../../../engine/optimizers/optimizerConfig.js';
import { findSurface } from '../../../engine/surfaces/catalog.js';
import { descend } from '../../../engine/surfaces/descend.js';

const exercise = findSurface('exercise')!;

describe('descend', () => {
  it('reproduces the exercise: start (3, 2), step 0.1, 10 steps', () => {
    const path = descend(exercise, { x: 3, y: 2 }, { learningRate: 0.1, steps: 10 });
    expect(path.x).toHaveLength(11);
    expect(Math.abs(path.f[10]! - 1.2967615849902)).toBeLessThan(1e-12);
  });

  it('reproduces the exercise: step 0.15, 500 steps', () => {
    const path = descend(exercise, { x: 3, y: 2 }, { learningRate: 0.15, steps: 500 });
    expect(Math.abs(path.f[500]! - -2.280709708147)).toBeLessThan(1e-12);
  });

  it('reproduces the exercise: step 0.5, 100 steps, decay 0.95 applied before each step', () => {
    const path = descend(exercise, { x: 3, y: 2 }, { learningRate: 0.5, steps: 100, decay: 0.95 });
    expect(Math.abs(path.f[100]! - -2.2807097075997)).toBeLessThan(1e-12);
  });

  it('takes the first step exactly as the exercise writes it: x − step · ∂f/∂x', () => {
    const path = descend(exercise, { x: 3, y: 2 }, { learningRate: 0.1, steps: 1 });
    expect(path.x[1]).toBe(3 - 0.1 * (2 * 3 - 3 * Math.sin(9) + 2 + 2));
    expect(path.y[1]).toBe(2 - 0.1 * (3 + 2 * 2));
  });

  for (const kind of OPTIMIZER_KINDS) {
    it(`${kind}: lowers the ill-conditioned bowl from its start`, () => {
      const bowl = findSurface('bowl')!;
      const lr = kind === 'rmsprop' || kind === 'adam' ? 0.1 : 0.02;
      const path = descend(bowl, bowl.start, { learningRate: lr, steps: 300, optimizer: { kind } });
      expect(path.f[300]!).toBeLessThan(path.f[0]! / 100);
    });
  }

  it('stops where the path leaves the finite numbers and says why', () => {
    const path = descend(exercise, { x: 3, y: 2 }, { learningRate: 1e200, steps: 100 });
    expect(path.diverged).toMatch(/^the path left the finite numbers at step 1: the step size 1e\+200 is too large for this surface$/);
    expect(path.divergedAt).toBe(1);
    expect(path.f.every(Number.isFinite)).toBe(true);
    expect(path.x).toHaveLength(1);
  });

  it('calls a path diverged at the step it leaves the region around the window, keeping that point, long before it overflows', () => {
    const rosenbrock = findSurface('rosenbrock')!;
    const path = descend(rosenbrock, { x: -1.5, y: 2 }, { learningRate: 0.5, steps: 100 });
    expect(path.divergedAt).toBe(1);
    expect(path.diverged).toBe('the path left the region x ∈ [-42, 42], y ∈ [-41, 43] at step 1: the step size 0.5 is too large for this surface');
    expect(path.x).toHaveLength(2);
    expect(path.x[1]).toBeGreaterThan(42);
    expect(path.f.every(Number.isFinite)).toBe(true);
  });

  it('finds the step a slowly exploding path diverged at: the first one outside the region, not a minimum of 1e71', () => {
    // SGD on the exercise with step 1.2: each step multiplies the distance to the minimum, so after enough steps the
    // point is at 1e35 and f at 1e71, still finite. The path is cut where it first left x, y ∈ [−105, 105].
    const path = descend(exercise, { x: 3, y: 2 }, { learningRate: 1.2, steps: 200 });
    const at = path.divergedAt!;
    expect(at).toBeGreaterThan(1);
    expect(path.x).toHaveLength(at + 1);
    const outside = (i: number) => Math.max(Math.abs(path.x[i]!), Math.abs(path.y[i]!)) > 105;
    expect(outside(at)).toBe(true);
    for (let i = 0; i < at; i++) expect(outside(i)).toBe(false);
    expect(path.diverged).toMatch(new RegExp(`^the path left the region x ∈ \\[-105, 105\\], y ∈ \\[-105, 105\\] at step ${at}: `));
  });

  it('says a surface falls without limit when the path leaves the region going down', () => {
    const saddle = findSurface('saddle')!;
    const path = descend(saddle, saddle.start, { learningRate: 0.1, steps: 500 });
    expect(path.divergedAt).toBeGreaterThan(10);
    expect(path.diverged).toMatch(/f keeps falling that way, so the surface has no minimum there$/);
    expect(path.f.at(-1)!).toBeLessThan(path.f[0]!);
  });

  it('does not call a converging run diverged', () => {
    const path = descend(exercise, { x: 3, y: 2 }, { learningRate: 0.15, steps: 500 });
    expect(path.diverged).toBeUndefined();
    expect(path.divergedAt).toBeUndefined();
  });
});
