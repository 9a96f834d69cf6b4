// The minibatches of one phase as views made once per run over its samples, which are copied once into the kernels' memory where they have one; pure, any process.
import type { Samples } from '../data/dataSets.js';
import { allocateFor, type Kernels } from '../kernels/kernels.js';
import { MAX_PLACED_SAMPLES_BYTES } from '../limits.js';

/** The floor(size / batch) full minibatches in order: each step's features (batch×inputs) and targets (batch×outputs). */
export interface Minibatches {
  readonly features: readonly Float64Array[];
  readonly targets: readonly Float64Array[];
  /** The arrays the views look into (an arena hands a block back when its array is collected, so they are kept here). */
  readonly blocks: readonly Float64Array[];
}

/** Views of every full minibatch of `samples`; training reads them in place, so a step copies nothing. */
export function minibatchesOf(samples: Samples, batch: number, inputs: number, outputs: number, kernels: Kernels): Minibatches {
  const steps = Math.floor(samples.size / batch);
  const features = placed(samples.features, steps * batch * inputs, kernels);
  const targets = placed(samples.targets, steps * batch * outputs, kernels);
  const views = (values: Float64Array, width: number): Float64Array[] =>
    Array.from({ length: steps }, (_, step) => values.subarray(step * batch * width, (step + 1) * batch * width));
  return { features: views(features, inputs), targets: views(targets, outputs), blocks: [features, targets] };
}

/**
 * The first `length` values, in the kernels' memory when they have one, has room and they are at most MAX_PLACED_SAMPLES_BYTES
 * (else the samples' own array, which the kernels copy in per call: slower, never wrong).
 */
export function placed(values: Float64Array, length: number, kernels: Kernels): Float64Array {
  if (!kernels.allocate || 8 * length > MAX_PLACED_SAMPLES_BYTES) return values.subarray(0, length);
  let copy: Float64Array;
  try {
    copy = allocateFor(kernels, length);
  } catch {
    return values.subarray(0, length);
  }
  copy.set(values.subarray(0, length));
  return copy;
}
