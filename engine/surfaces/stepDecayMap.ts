// The step-size × decay map: one descent per (step size, decay) pair from the same start, summarised by its final value, lowest value, divergence and steps to near the best; pure, any process.
import type { OptimizerConfig } from '../optimizers/optimizerConfig.js';
import { TimeSlicer } from '../work/timeSlicer.js';
import type { Surface } from './catalog.js';
import { walkDescentSliced } from './descend.js';

export interface StepDecayMapOptions {
  /** The map's columns. */
  stepSizes: readonly number[];
  /** The map's rows. */
  decays: readonly number[];
  steps: number;
  optimizer?: OptimizerConfig | undefined;
  /** A run has converged once f is within epsilon of the best value any run of the map reached. */
  epsilon: number;
  /** Called with the runs done so far and their total, at most every progressMilliseconds (and once at the end). */
  onProgress?: (done: number, total: number) => void;
  progressMilliseconds?: number;
  /** Paces the runs; a stop it reports ends the map with WorkStoppedError (default: a slicer of its own that never stops). */
  slicer?: TimeSlicer;
  /** The clock of the progress events, in milliseconds (default Date.now). */
  now?: () => number;
}

/**
 * One entry per cell, cell = j · stepSizes.length + i for step size i and decay j (x varying fastest, as a grid):
 * `finalValue` and `lowestValue` are NaN where the run diverged, `divergedAt` is the step it diverged at (0 when it
 * did not), `stepsToBest` the first step whose f is within epsilon of `bestValue` (−1 when it never got there).
 */
export interface StepDecayMap {
  stepSizes: Float64Array;
  decays: Float64Array;
  finalValue: Float64Array;
  lowestValue: Float64Array;
  divergedAt: Float64Array;
  stepsToBest: Float64Array;
  /** The lowest f any run that did not diverge reached (NaN when every run diverged). */
  bestValue: number;
  epsilon: number;
}

/**
 * Runs the descent of every cell from `start` (the walk descend takes, so a cell is exactly what descend gives with its
 * step size and decay), then, for the cells whose lowest value came within epsilon of the best, runs them again up to
 * the first step that did. Time-sliced by `slicer`, whose stop ends it with WorkStoppedError. A step size that
 * overflows only makes its own cell diverged.
 */
export async function computeStepDecayMap(surface: Surface, start: { x: number; y: number }, options: StepDecayMapOptions): Promise<StepDecayMap> {
  const stepSizes = Float64Array.from(options.stepSizes);
  const decays = Float64Array.from(options.decays);
  const columns = stepSizes.length;
  const cells = columns * decays.length;
  const finalValue = new Float64Array(cells);
  const lowestValue = new Float64Array(cells);
  const divergedAt = new Float64Array(cells);
  const stepsToBest = new Float64Array(cells).fill(-1);
  const slicer = options.slicer ?? new TimeSlicer();
  const now = options.now ?? Date.now;
  const progressEvery = options.progressMilliseconds ?? 100;
  const settingsOf = (cell: number) => ({
    learningRate: stepSizes[cell % columns]!,
    decay: decays[Math.floor(cell / columns)]!,
    steps: options.steps,
    optimizer: options.optimizer,
  });

  const second: number[] = [];
  let done = 0;
  let reported = now();
  /** Counts a run done and reports progress when it is time. */
  const ran = (): void => {
    done++;
    const time = now();
    if (time - reported >= progressEvery) {
      reported = time;
      options.onProgress?.(done, cells + second.length);
    }
  };

  let bestValue = Infinity;
  for (let cell = 0; cell < cells; cell++) {
    let last = NaN,
      lowest = Infinity;
    const end = await walkDescentSliced(
      surface,
      start,
      settingsOf(cell),
      (_step, _x, _y, f) => {
        last = f;
        if (f < lowest) lowest = f;
      },
      slicer,
    );
    if (end.divergedAt !== undefined) {
      finalValue[cell] = NaN;
      lowestValue[cell] = NaN;
      divergedAt[cell] = end.divergedAt;
    } else {
      finalValue[cell] = last;
      lowestValue[cell] = lowest;
      if (lowest < bestValue) bestValue = lowest;
    }
    ran();
    if (slicer.due()) await slicer.turn();
  }

  if (Number.isFinite(bestValue)) {
    const target = bestValue + options.epsilon;
    for (let cell = 0; cell < cells; cell++) if (lowestValue[cell]! <= target) second.push(cell);
    for (const cell of second) {
      let first = -1;
      await walkDescentSliced(
        surface,
        start,
        settingsOf(cell),
        (step, _x, _y, f) => {
          if (f > target) return true;
          first = step;
          return false;
        },
        slicer,
      );
      stepsToBest[cell] = first;
      ran();
      if (slicer.due()) await slicer.turn();
    }
  }
  options.onProgress?.(done, cells + second.length);
  return {
    stepSizes,
    decays,
    finalValue,
    lowestValue,
    divergedAt,
    stepsToBest,
    bestValue: Number.isFinite(bestValue) ? bestValue : NaN,
    epsilon: options.epsilon,
  };
}
