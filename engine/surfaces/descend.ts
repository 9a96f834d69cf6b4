// Runs any optimizer on a 2D surface from a start point and records its path; pure, any process.
import { createOptimizer } from '../optimizers/createOptimizer.js';
import type { OptimizerConfig } from '../optimizers/optimizerConfig.js';
import type { Surface } from './catalog.js';

/** The points visited, start included; `diverged` says why the path ended early, if it did. */
export interface DescentPath {
  x: Float64Array;
  y: Float64Array;
  f: Float64Array;
  diverged?: string;
}

export interface DescentOptions {
  learningRate: number;
  steps: number;
  /** The exercise's decay: the step size is multiplied by it before each update (default 1). */
  decay?: number | undefined;
  optimizer?: OptimizerConfig | undefined;
}

/**
 * Descends `surface` from `start`: each step computes the gradient at the current point and lets the optimizer
 * update (x, y). With plain SGD this is exactly the exercise's `optimize_f`. Stops early, saying so, when a value
 * stops being finite.
 */
export function descend(surface: Surface, start: { x: number; y: number }, options: DescentOptions): DescentPath {
  const point = { name: 'xy', shape: [2], value: Float64Array.of(start.x, start.y), gradient: new Float64Array(2), decayed: false };
  const optimizer = createOptimizer(options.optimizer, options.learningRate, options.decay, [point]);
  const x = new Float64Array(options.steps + 1);
  const y = new Float64Array(options.steps + 1);
  const f = new Float64Array(options.steps + 1);
  x[0] = start.x;
  y[0] = start.y;
  f[0] = surface.value(start.x, start.y);
  for (let step = 1; step <= options.steps; step++) {
    surface.gradient(point.value[0]!, point.value[1]!, point.gradient);
    optimizer.step();
    const px = point.value[0]!,
      py = point.value[1]!;
    const value = surface.value(px, py);
    if (!Number.isFinite(px) || !Number.isFinite(py) || !Number.isFinite(value)) {
      return {
        x: x.slice(0, step),
        y: y.slice(0, step),
        f: f.slice(0, step),
        diverged: `the path left the finite numbers at step ${step}: the step size ${options.learningRate} is too large for this surface`,
      };
    }
    x[step] = px;
    y[step] = py;
    f[step] = value;
  }
  return { x, y, f };
}
