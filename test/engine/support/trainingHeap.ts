// Test support: trains a network while watching its heap — after a full collection at two epochs, the growth between two others, and any young collection there.
import { PerformanceObserver } from 'node:perf_hooks';
import type { PreparedData } from '../../../engine/data/dataSets.js';
import type { Kernels } from '../../../engine/kernels/kernels.js';
import type { Network } from '../../../engine/network/network.js';
import { train, type TrainingHyperparameters, type TrainingOutcome } from '../../../engine/training/train.js';

// Vitest runs its workers with --expose-gc (vitest.config.ts).
export const collect = (globalThis as { gc?: () => void }).gc!;
const heapUsed = (): number => process.memoryUsage().heapUsed;

export interface TrainingHeap {
  outcome: TrainingOutcome;
  /** The heap after a collection at epoch `from`, uncollected at epoch `to`, and after a collection at the last epoch. */
  heap: { from: number; to: number; end: number };
  /** Young-generation collections between epochs `from` and `to` (none means the growth there is all they allocated). */
  youngCollections: number;
  /** Minibatches of one epoch, training and test. */
  stepsPerEpoch: number;
}

/** Trains `network` for `hyper.epochs` epochs, measuring its heap between epochs `from` and `to` (see TrainingHeap). */
export async function trainWatchingHeap(options: {
  network: Network;
  data: PreparedData;
  hyper: TrainingHyperparameters;
  kernels: Kernels;
  from: number;
  to: number;
}): Promise<TrainingHeap> {
  const { network, data, hyper, kernels, from, to } = options;
  let counting = false;
  let youngCollections = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (counting && (entry as { detail?: { kind?: number } }).detail?.kind === 1) youngCollections++;
  });
  observer.observe({ entryTypes: ['gc'] });
  const heap = { from: 0, to: 0, end: 0 };
  const outcome = await train({
    network,
    data,
    hyper,
    kernels,
    onEpoch: ({ epoch }) => {
      if (epoch === from) {
        collect();
        heap.from = heapUsed();
        counting = true;
      } else if (epoch === to) {
        heap.to = heapUsed();
        counting = false;
      } else if (epoch === hyper.epochs) {
        collect();
        heap.end = heapUsed();
      }
    },
  });
  // The gc entries are delivered asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const stepsPerEpoch = Math.floor(data.train.size / hyper.batchSize) + Math.floor(data.test.size / hyper.batchSize);
  return { outcome, heap, youngCollections, stepsPerEpoch };
}
