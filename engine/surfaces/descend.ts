// Runs any optimizer on a 2D surface from a start point and records its path, stopping where it diverges; pure, any process.
import { createOptimizer } from '../optimizers/createOptimizer.js';
import type { OptimizerConfig } from '../optimizers/optimizerConfig.js';
import type { Surface } from './catalog.js';
import { divergenceCheck, divergenceOf, divergenceSentence } from './divergence.js';

/**
 * The points visited, start included. A diverged path says why in `diverged` and the step in `divergedAt`; it holds
 * the point of that step too when it is finite (the step that left the region), so it is drawn heading out.
 */
export interface DescentPath {
  x: Float64Array;
  y: Float64Array;
  f: Float64Array;
  diverged?: string;
  divergedAt?: number;
}

export interface DescentOptions {
  learningRate: number;
  steps: number;
  /** The exercise's decay: the step size is multiplied by it before each update (default 1). */
  decay?: number | undefined;
  optimizer?: OptimizerConfig | undefined;
}

/** Where a descent ended: after every step, or at the step it diverged, with the sentence saying how. */
export interface DescentEnd {
  /** The last step visited (options.steps when it did not diverge and no visit ended it). */
  lastStep: number;
  divergedAt?: number;
  diverged?: string;
}

/**
 * Descends `surface` from `start`, calling `visit(step, x, y, f)` for the start (step 0) and every step after: each
 * step computes the gradient at the current point and lets the optimizer update (x, y). With plain SGD this is exactly
 * the exercise's `optimize_f`. Stops at the first step that diverges (divergence.ts): a non-finite point is not
 * visited, a finite one that left the region or grew without limit is. A visit that returns false ends the walk there.
 */
export function walkDescent(
  surface: Surface,
  start: { x: number; y: number },
  options: DescentOptions,
  visit: (step: number, x: number, y: number, f: number) => boolean | void,
): DescentEnd {
  const point = { name: 'xy', shape: [2], value: Float64Array.of(start.x, start.y), gradient: new Float64Array(2), decayed: false };
  const optimizer = createOptimizer(options.optimizer, options.learningRate, options.decay, [point]);
  const check = divergenceCheck(surface, start);
  const f0 = surface.value(start.x, start.y);
  if (visit(0, start.x, start.y, f0) === false) return { lastStep: 0 };
  for (let step = 1; step <= options.steps; step++) {
    surface.gradient(point.value[0]!, point.value[1]!, point.gradient);
    optimizer.step();
    const px = point.value[0]!,
      py = point.value[1]!;
    const value = surface.value(px, py);
    const kind = divergenceOf(check, px, py, value);
    if (kind) {
      const keptLast = kind !== 'non-finite';
      if (keptLast) visit(step, px, py, value);
      const fell = keptLast && value < f0;
      return { lastStep: keptLast ? step : step - 1, divergedAt: step, diverged: divergenceSentence(kind, step, check, options.learningRate, fell) };
    }
    if (visit(step, px, py, value) === false) return { lastStep: step };
  }
  return { lastStep: options.steps };
}

/** Descends `surface` from `start` (walkDescent) and records the path; a diverged one ends at the step it diverged. */
export function descend(surface: Surface, start: { x: number; y: number }, options: DescentOptions): DescentPath {
  const x = new Float64Array(options.steps + 1);
  const y = new Float64Array(options.steps + 1);
  const f = new Float64Array(options.steps + 1);
  const end = walkDescent(surface, start, options, (step, px, py, value) => {
    x[step] = px;
    y[step] = py;
    f[step] = value;
  });
  if (end.divergedAt === undefined) return { x, y, f };
  const n = end.lastStep + 1;
  return { x: x.slice(0, n), y: y.slice(0, n), f: f.slice(0, n), diverged: end.diverged!, divergedAt: end.divergedAt };
}
