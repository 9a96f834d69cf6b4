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

/**
 * Trains `task`'s network for `epochs` epochs with `kernels` and reports the heap after a full collection at epoch 100
 * and at the end (the growth is the kept history), the resident size at both, and the garbage the epochs 100–130 made
 * per minibatch (the heap's growth there, with the young collections counted that would have cleared some of it).
 */
export async function measureMemory(task, kernels, epochs = 1000) {
  const [from, to] = [100, 130];
  const hyper = { ...task.hyper, epochs };
  const network = buildNetwork(task.spec, deriveRandom(task.seed, SEED_STREAMS.init), kernels);
  const stepsPerEpoch = Math.floor(task.data.train.size / hyper.batchSize) + Math.floor(task.data.test.size / hyper.batchSize);
  let counting = false;
  let youngCollections = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (counting && entry.detail?.kind === 1) youngCollections++;
  });
  observer.observe({ entryTypes: ['gc'] });
  const at = {};
  const started = performance.now();
  await train({
    network,
    data: task.data,
    hyper,
    kernels,
    onEpoch: ({ epoch }) => {
      if (epoch === from) {
        collect();
        at.from = process.memoryUsage();
        counting = true;
      } else if (epoch === to) {
        at.to = process.memoryUsage();
        counting = false;
      } else if (epoch === epochs) {
        collect();
        at.end = process.memoryUsage();
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return {
    network: task.name,
    epochs,
    seconds,
    heapBytes: { [`epoch ${from}`]: at.from.heapUsed, [`epoch ${epochs}`]: at.end.heapUsed },
    heapGrowthBytes: at.end.heapUsed - at.from.heapUsed,
    historyEpochs: epochs - from,
    rssBytes: { [`epoch ${from}`]: at.from.rss, [`epoch ${epochs}`]: at.end.rss },
    garbageBytesPerMinibatch: (at.to.heapUsed - at.from.heapUsed) / ((to - from) * stepsPerEpoch),
    youngCollections,
  };
}
