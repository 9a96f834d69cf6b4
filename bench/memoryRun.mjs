// The memory workload of the benchmark: one exercise network trained for 1,000 epochs in this process, its heap and resident size along the way (Node).
import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SEED_STREAMS } from '../dist/engine/data/dataSets.js';
import { buildNetwork } from '../dist/engine/network/network.js';
import { deriveRandom } from '../dist/engine/random.js';
import { train } from '../dist/engine/training/train.js';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc');

/** The windows of epochs whose garbage is measured, each from a full collection at its first epoch. */
const WINDOWS = [
  [300, 320],
  [550, 570],
  [800, 820],
];

/**
 * Trains `task`'s network for `epochs` epochs with `kernels` and reports the heap after a full collection at epoch 100
 * and at the end (the growth is the kept history), the resident size at both, and the garbage per minibatch of three
 * windows of 20 epochs, each measured from a full collection with the young collections in it counted: the least of
 * them is the steady state (a window can catch the compiler re-optimising the loop, whose unoptimised code boxes numbers).
 */
export async function measureMemory(task, kernels, epochs = 1000) {
  const from = 100;
  const hyper = { ...task.hyper, epochs };
  const network = buildNetwork(task.spec, deriveRandom(task.seed, SEED_STREAMS.init), kernels);
  const stepsPerEpoch = Math.floor(task.data.train.size / hyper.batchSize) + Math.floor(task.data.test.size / hyper.batchSize);
  const youngStarts = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.detail?.kind === 1) youngStarts.push(entry.startTime);
  });
  observer.observe({ entryTypes: ['gc'] });
  const ends = [];
  for (const [start, end] of WINDOWS) ends[start] = end;
  const at = {};
  const spans = [];
  let open;
  const started = performance.now();
  await train({
    network,
    data: task.data,
    hyper,
    kernels,
    onEpoch: ({ epoch }) => {
      if (open && epoch === open.end) {
        spans.push({ ...open, bytes: process.memoryUsage().heapUsed - open.heap, to: performance.now() });
        open = undefined;
      }
      if (epoch === from || epoch === epochs) {
        collect();
        at[epoch === from ? 'from' : 'end'] = process.memoryUsage();
      }
      if (ends[epoch] !== undefined) {
        collect();
        open = { start: epoch, end: ends[epoch], heap: process.memoryUsage().heapUsed, from: performance.now() };
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const windows = spans.map(({ start, end, bytes, from: t0, to: t1 }) => ({
    epochs: `${start}–${end}`,
    garbageBytesPerMinibatch: bytes / ((end - start) * stepsPerEpoch),
    youngCollections: youngStarts.filter((t) => t >= t0 && t <= t1).length,
  }));
  const steady = windows.reduce((least, w) => (w.garbageBytesPerMinibatch < least.garbageBytesPerMinibatch ? w : least));
  return {
    network: task.name,
    epochs,
    seconds,
    heapBytes: { [`epoch ${from}`]: at.from.heapUsed, [`epoch ${epochs}`]: at.end.heapUsed },
    heapGrowthBytes: at.end.heapUsed - at.from.heapUsed,
    historyEpochs: epochs - from,
    rssBytes: { [`epoch ${from}`]: at.from.rss, [`epoch ${epochs}`]: at.end.rss },
    garbageBytesPerMinibatch: steady.garbageBytesPerMinibatch,
    youngCollections: steady.youngCollections,
    garbageWindows: windows,
  };
}
