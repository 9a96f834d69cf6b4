// Runs any optimizer on a 2D surface from a start point and records its path, stopping where it diverges, at once or time-sliced; pure, any process.
import { createOptimizer } from '../optimizers/createOptimizer.js';
import type { OptimizerConfig } from '../optimizers/optimizerConfig.js';
import type { TimeSlicer } from '../work/timeSlicer.js';
import type { Surface } from './catalog.js';
import { divergenceCheck, divergenceOf, divergenceSentence, type DivergenceCheck } from './divergence.js';

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

/** Called for the start (step 0) and every step after; returning false ends the walk there. */
export type DescentVisit = (step: number, x: number, y: number, f: number) => boolean | void;

/**
 * A descent one step at a time: each step computes the gradient at the current point and lets the optimizer update
 * (x, y). With plain SGD this is exactly the exercise's `optimize_f`. It ends at the first step that diverges
 * (divergence.ts): a non-finite point is not visited, a finite one that left the region or grew without limit is.
 */
class DescentWalk {
  readonly #surface: Surface;
  readonly #options: DescentOptions;
  readonly #visit: DescentVisit;
  readonly #point;
  readonly #optimizer;
  readonly #check: DivergenceCheck;
  readonly #f0: number;
  #step = 0;
  end: DescentEnd | undefined;

  constructor(surface: Surface, start: { x: number; y: number }, options: DescentOptions, visit: DescentVisit) {
    this.#surface = surface;
    this.#options = options;
    this.#visit = visit;
    this.#point = { name: 'xy', shape: [2], value: Float64Array.of(start.x, start.y), gradient: new Float64Array(2), decayed: false };
    this.#optimizer = createOptimizer(options.optimizer, options.learningRate, options.decay, [this.#point]);
    this.#check = divergenceCheck(surface, start);
    this.#f0 = surface.value(start.x, start.y);
    if (visit(0, start.x, start.y, this.#f0) === false || options.steps === 0) this.end = { lastStep: 0 };
  }

  /** Takes the next step; false once the walk has ended (its `end` then says how). */
  next(): boolean {
    if (this.end) return false;
    const step = ++this.#step;
    const point = this.#point;
    this.#surface.gradient(point.value[0]!, point.value[1]!, point.gradient);
    this.#optimizer.step();
    const px = point.value[0]!,
      py = point.value[1]!;
    const value = this.#surface.value(px, py);
    const kind = divergenceOf(this.#check, px, py, value);
    if (kind) {
      const kept = kind !== 'non-finite';
      if (kept) this.#visit(step, px, py, value);
      const fell = kept && value < this.#f0;
      this.end = {
        lastStep: kept ? step : step - 1,
        divergedAt: step,
        diverged: divergenceSentence(kind, step, this.#check, this.#options.learningRate, fell),
      };
      return false;
    }
    if (this.#visit(step, px, py, value) === false || step === this.#options.steps) {
      this.end = { lastStep: step };
      return false;
    }
    return true;
  }
}

/** Descends `surface` from `start`, calling `visit` at the start and after every step, until the steps are done or it diverges. */
export function walkDescent(surface: Surface, start: { x: number; y: number }, options: DescentOptions, visit: DescentVisit): DescentEnd {
  const walk = new DescentWalk(surface, start, options, visit);
  while (walk.next());
  return walk.end!;
}

/** The same walk as walkDescent, paced by `slicer` (a stop ends it with WorkStoppedError). */
export async function walkDescentSliced(
  surface: Surface,
  start: { x: number; y: number },
  options: DescentOptions,
  visit: DescentVisit,
  slicer: TimeSlicer,
): Promise<DescentEnd> {
  const walk = new DescentWalk(surface, start, options, visit);
  while (walk.next()) if (slicer.due()) await slicer.turn();
  return walk.end!;
}

/** A path's buffers, filled by a walk's visits and cut where it ended. */
function recorder(steps: number) {
  const x = new Float64Array(steps + 1);
  const y = new Float64Array(steps + 1);
  const f = new Float64Array(steps + 1);
  const visit: DescentVisit = (step, px, py, value) => {
    x[step] = px;
    y[step] = py;
    f[step] = value;
  };
  const path = (end: DescentEnd): DescentPath => {
    if (end.divergedAt === undefined) return { x, y, f };
    const n = end.lastStep + 1;
    return { x: x.slice(0, n), y: y.slice(0, n), f: f.slice(0, n), diverged: end.diverged!, divergedAt: end.divergedAt };
  };
  return { visit, path };
}

/** Descends `surface` from `start` (walkDescent) and records the path; a diverged one ends at the step it diverged. */
export function descend(surface: Surface, start: { x: number; y: number }, options: DescentOptions): DescentPath {
  const record = recorder(options.steps);
  return record.path(walkDescent(surface, start, options, record.visit));
}

/** The same path as descend, paced by `slicer` (a stop ends it with WorkStoppedError). */
export async function descendSliced(surface: Surface, start: { x: number; y: number }, options: DescentOptions, slicer: TimeSlicer): Promise<DescentPath> {
  const record = recorder(options.steps);
  return record.path(await walkDescentSliced(surface, start, options, record.visit, slicer));
}
