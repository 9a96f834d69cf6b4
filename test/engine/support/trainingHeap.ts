// Test support: trains a network while watching its heap — after a full collection at two epochs, and what a few windows of epochs allocated with no young collection in them.
import { PerformanceObserver } from 'node:perf_hooks';
import { readAssetText } from '../../../engine/data/assetFiles.js';
import { createDataLoader, SEED_STREAMS, type PreparedData } from '../../../engine/data/dataSets.js';
import type { Kernels } from '../../../engine/kernels/kernels.js';
import { loadEngineKernels } from '../../../engine/kernels/wasm/kernelFiles.js';
import { buildNetwork, type Network } from '../../../engine/network/network.js';
import { deriveRandom } from '../../../engine/random.js';
import type { DataSetName } from '../../../engine/data/dataSetNames.js';
import type { NetworkSpec } from '../../../engine/spec.js';
import { EXERCISE_HYPERPARAMETERS } from '../../../engine/training/hyperparameters.js';
import { train, type TrainingHyperparameters, type TrainingOutcome } from '../../../engine/training/train.js';

// Vitest runs its workers with --expose-gc (vitest.config.ts).
export const collect = (globalThis as { gc?: () => void }).gc!;
const heapUsed = (): number => process.memoryUsage().heapUsed;
const TURN_MILLISECONDS = 1000;

/** What the epochs from `start` to `end` allocated: the heap's growth from a full collection at `start`, over their minibatches. */
export interface HeapWindow {
  start: number;
  end: number;
  bytesPerMinibatch: number;
  /** Young-generation collections in the window (none means its growth is all that its epochs allocated). */
  youngCollections: number;
}

export interface TrainingHeap {
  outcome: TrainingOutcome;
  /** The heap after a full collection at epoch `from` and at the last epoch. */
  heap: { from: number; end: number };
  /** One entry per window asked for, in order. */
  windows: HeapWindow[];
  /**
   * The window that allocated least. A window can catch the compiler re-optimising the loop (at a moment the machine's
   * load decides), whose unoptimised code boxes numbers that the optimised code keeps in registers, or the test runner's
   * own work on this thread: the least of a few windows measures the steady state.
   */
  steady: HeapWindow;
  /** Minibatches of one epoch, training and test. */
  stepsPerEpoch: number;
}

/** Trains `network` for `hyper.epochs` epochs, measuring its heap at epoch `from`, at the end, and over each of `windows` (see TrainingHeap). */
export async function trainWatchingHeap(options: {
  network: Network;
  data: PreparedData;
  hyper: TrainingHyperparameters;
  kernels: Kernels;
  from: number;
  windows: ReadonlyArray<readonly [start: number, end: number]>;
}): Promise<TrainingHeap> {
  const { network, data, hyper, kernels, from, windows } = options;
  const stepsPerEpoch = Math.floor(data.train.size / hyper.batchSize) + Math.floor(data.test.size / hyper.batchSize);
  /** When each young collection of the run started (on the clock of performance.now()); the entries come asynchronously. */
  const youngStarts: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if ((entry as { detail?: { kind?: number } }).detail?.kind === 1) youngStarts.push(entry.startTime);
  });
  observer.observe({ entryTypes: ['gc'] });
  const heap = { from: 0, end: 0 };
  /** The last epoch of the window that starts at each epoch (looked up at every epoch without allocating). */
  const ends: number[] = [];
  for (const [start, end] of windows) ends[start] = end;
  const spans: { start: number; end: number; bytes: number; from: number; to: number }[] = [];
  let open: { start: number; end: number; heap: number; from: number } | undefined;
  const outcome = await train({
    network,
    data,
    hyper,
    kernels,
    // The host gets a turn every second rather than every 15 ms: a turn's promise and timer come per span of wall time,
    // which a loaded machine stretches, and the garbage measured is to be the minibatches' and the epochs'.
    sliceMilliseconds: TURN_MILLISECONDS,
    onEpoch: ({ epoch }) => {
      if (open && epoch === open.end) {
        spans.push({ start: open.start, end: open.end, bytes: heapUsed() - open.heap, from: open.from, to: performance.now() });
        open = undefined;
      }
      if (epoch === from || epoch === hyper.epochs) {
        collect();
        heap[epoch === from ? 'from' : 'end'] = heapUsed();
      }
      const end = ends[epoch];
      if (end !== undefined) {
        collect();
        open = { start: epoch, end, heap: heapUsed(), from: performance.now() };
      }
    },
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  if (spans.length !== windows.length) throw new Error(`measured ${spans.length} of ${windows.length} windows`);
  const measured: HeapWindow[] = spans.map(({ start, end, bytes, from: t0, to: t1 }) => ({
    start,
    end,
    bytesPerMinibatch: bytes / ((end - start) * stepsPerEpoch),
    youngCollections: youngStarts.filter((t) => t >= t0 && t <= t1).length,
  }));
  const steady = measured.reduce((least, window) => (window.bytesPerMinibatch < least.bytesPerMinibatch ? window : least));
  return { outcome, heap, windows: measured, steady, stepsPerEpoch };
}

/**
 * Builds `spec` with the engine's kernels and its seeded initial weights and trains it on the shipped data set `dataSet`
 * with the exercise's settings, changed by `changes`, watching its heap as {@link trainWatchingHeap} does.
 */
export async function trainSpecWatchingHeap(options: {
  spec: NetworkSpec;
  dataSet: DataSetName;
  changes: Partial<TrainingHyperparameters> & { epochs: number };
  from: number;
  windows: ReadonlyArray<readonly [start: number, end: number]>;
}): Promise<TrainingHeap> {
  const hyper = { ...EXERCISE_HYPERPARAMETERS, ...options.changes };
  const data = await createDataLoader(readAssetText)(options.dataSet, hyper);
  const kernels = loadEngineKernels();
  const network = buildNetwork(options.spec, deriveRandom(hyper.seed, SEED_STREAMS.init), kernels);
  return trainWatchingHeap({ network, data, hyper, kernels, from: options.from, windows: options.windows });
}
