// Runs any optimizer on a 2D surface from a start point and records its path, at once or time-sliced; pure, any process.
import { createOptimizer } from '../optimizers/createOptimizer.js';
import type { OptimizerConfig } from '../optimizers/optimizerConfig.js';
import type { TimeSlicer } from '../work/timeSlicer.js';
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

/** A descent in progress: the path's buffers sized once, one step at a time. */
class Descent {
  readonly #surface: Surface;
  readonly #options: DescentOptions;
  readonly #point;
  readonly #optimizer;
  readonly #x: Float64Array;
  readonly #y: Float64Array;
  readonly #f: Float64Array;
  #diverged: DescentPath | undefined;

  constructor(surface: Surface, start: { x: number; y: number }, options: DescentOptions) {
    this.#surface = surface;
    this.#options = options;
    this.#point = { name: 'xy', shape: [2], value: Float64Array.of(start.x, start.y), gradient: new Float64Array(2), decayed: false };
    this.#optimizer = createOptimizer(options.optimizer, options.learningRate, options.decay, [this.#point]);
    this.#x = new Float64Array(options.steps + 1);
    this.#y = new Float64Array(options.steps + 1);
    this.#f = new Float64Array(options.steps + 1);
    this.#x[0] = start.x;
    this.#y[0] = start.y;
    this.#f[0] = surface.value(start.x, start.y);
  }

  /** Takes step `step` (from 1); false when the path left the finite numbers and ended there. */
  step(step: number): boolean {
    const point = this.#point;
    this.#surface.gradient(point.value[0]!, point.value[1]!, point.gradient);
    this.#optimizer.step();
    const px = point.value[0]!,
      py = point.value[1]!;
    const value = this.#surface.value(px, py);
    if (!Number.isFinite(px) || !Number.isFinite(py) || !Number.isFinite(value)) {
      this.#diverged = {
        x: this.#x.slice(0, step),
        y: this.#y.slice(0, step),
        f: this.#f.slice(0, step),
        diverged: `the path left the finite numbers at step ${step}: the step size ${this.#options.learningRate} is too large for this surface`,
      };
      return false;
    }
    this.#x[step] = px;
    this.#y[step] = py;
    this.#f[step] = value;
    return true;
  }

  path(): DescentPath {
    return this.#diverged ?? { x: this.#x, y: this.#y, f: this.#f };
  }
}

/**
 * Descends `surface` from `start`: each step computes the gradient at the current point and lets the optimizer
 * update (x, y). With plain SGD this is exactly the exercise's `optimize_f`. Stops early, saying so, when a value
 * stops being finite.
 */
export function descend(surface: Surface, start: { x: number; y: number }, options: DescentOptions): DescentPath {
  const descent = new Descent(surface, start, options);
  for (let step = 1; step <= options.steps && descent.step(step); step++);
  return descent.path();
}

/** The same path as descend, paced by `slicer` (a stop ends it with WorkStoppedError). */
export async function descendSliced(surface: Surface, start: { x: number; y: number }, options: DescentOptions, slicer: TimeSlicer): Promise<DescentPath> {
  const descent = new Descent(surface, start, options);
  for (let step = 1; step <= options.steps && descent.step(step); step++) {
    if (slicer.due()) await slicer.turn();
  }
  return descent.path();
}
