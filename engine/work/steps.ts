// Long computations written once as generators of steps, run at once or time-sliced by a TimeSlicer; pure, any process.
import type { TimeSlicer } from './timeSlicer.js';

/**
 * A computation that yields after each step of its work (one evaluation, one row, one descent) and returns its
 * result; compose them with `yield*`. The same generator runs synchronously (runSteps) or paced (runStepsSliced).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once and returns the result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs the steps, giving the host a turn whenever `slicer` says a slice is over; a stop ends it with WorkStoppedError. */
export async function runStepsSliced<T>(steps: Steps<T>, slicer: TimeSlicer): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (slicer.due()) {
      try {
        await slicer.turn();
      } catch (error) {
        steps.return(undefined as T);
        throw error;
      }
    }
  }
}
