// An epoch's estimated time as the engine answers it, and how the CLI and the Training lab say it; pure, any process.
import { z } from 'zod';

/** An epoch's time, estimated: the timed cost of one training and one test minibatch, times the epoch's minibatches. */
export const EpochEstimateSchema = z
  .object({
    /** Seconds of one training minibatch: forward, loss, backward and the optimizer's update. */
    secondsPerBatch: z.number().nonnegative(),
    /** Seconds of one test minibatch: forward and loss (0 without a test set). */
    secondsPerTestBatch: z.number().nonnegative(),
    batchesPerEpoch: z.number().int().nonnegative(),
    testBatchesPerEpoch: z.number().int().nonnegative(),
    secondsPerEpoch: z.number().nonnegative(),
    /** How many training minibatches were timed (after the untimed ones that size the buffers). */
    timedBatches: z.number().int().positive(),
  })
  .strict();
export type EpochEstimate = z.infer<typeof EpochEstimateSchema>;

/** A duration as people read it: "0.35 s", "4.2 s", "12 s", "3 min 05 s", "1 h 05 min". */
export function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${seconds < 1 ? Number(seconds.toPrecision(2)) : seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  const two = (n: number): string => String(n).padStart(2, '0');
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${two(whole % 60)} s`;
  return `${Math.floor(whole / 3600)} h ${two(Math.floor((whole % 3600) / 60))} min`;
}

/** The estimate in one sentence, as the CLI prints it and the Training lab shows it: "about 12 s per epoch (937 minibatches), 1 min 00 s for 5 epochs". */
export function describeEstimate(estimate: EpochEstimate, epochs: number): string {
  const batches = `${estimate.batchesPerEpoch} training${estimate.testBatchesPerEpoch > 0 ? ` and ${estimate.testBatchesPerEpoch} test` : ''} minibatches`;
  const total = epochs > 1 ? `, ${formatSeconds(estimate.secondsPerEpoch * epochs)} for ${epochs} epochs` : '';
  return `about ${formatSeconds(estimate.secondsPerEpoch)} per epoch (${batches})${total}`;
}
