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
    const path = descend(findSurface('rosenbrock')!, { x: -1.5, y: 2 }, { learningRate: 0.5, steps: 100 });
    expect(path.diverged).toMatch(/^the path left the finite numbers at step \d+: the step size 0.5 is too large for this surface$/);
    expect(path.f.every(Number.isFinite)).toBe(true);
    expect(path.x.length).toBeLessThan(101);
  });
});
