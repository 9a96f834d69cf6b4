// Training a convolutional network keeps memory flat: its im2col and pooling buffers are made once, so epochs add only their history.
import { PerformanceObserver } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { readAssetText } from '../../../engine/data/assetFiles.js';
import { createDataLoader, SEED_STREAMS } from '../../../engine/data/dataSets.js';
import { loadEngineKernels } from '../../../engine/kernels/wasm/kernelFiles.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { deriveRandom } from '../../../engine/random.js';
import { parseSpecText } from '../../../engine/specText.js';
import { EXERCISE_HYPERPARAMETERS } from '../../../engine/training/hyperparameters.js';
import { train } from '../../../engine/training/train.js';

// Vitest runs its workers with --expose-gc (vitest.config.ts).
const collect = (globalThis as { gc?: () => void }).gc!;
const heapUsed = (): number => process.memoryUsage().heapUsed;

describe('training memory of a convolutional network', () => {
  it('keeps the heap flat over 120 epochs of two convolutions and poolings, and makes under 128 bytes of garbage per minibatch', async () => {
    expect(collect).toBeTypeOf('function');
    const epochs = 120;
    const [from, to] = [20, 35];
    const settings = { ...EXERCISE_HYPERPARAMETERS, epochs, learningRate: 0.001 };
    const data = await createDataLoader(readAssetText)('digits', settings);
    const kernels = loadEngineKernels();
    const spec = {
      ...parseSpecText('conv2d:4:3:1:same,relu,maxpool2d:2,conv2d:8:3,relu,avgpool2d:2,flatten,linear:10,softmax', 64),
      inputShape: [1, 8, 8],
    };
    const network = buildNetwork(spec, deriveRandom(settings.seed, SEED_STREAMS.init), kernels);
    const stepsPerEpoch = Math.floor(data.train.size / settings.batchSize) + Math.floor(data.test.size / settings.batchSize);

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
      hyper: settings,
      kernels,
      onEpoch: ({ epoch }) => {
        if (epoch === from) {
          collect();
          heap.from = heapUsed();
          counting = true;
        } else if (epoch === to) {
          heap.to = heapUsed();
          counting = false;
        } else if (epoch === epochs) {
          collect();
          heap.end = heapUsed();
        }
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    expect(outcome.reason).toBe('completed');
    expect(outcome.history).toHaveLength(epochs);
    expect(heap.end - heap.from).toBeLessThan((epochs - from) * 256 + 256 * 1024);
    expect(youngCollections).toBe(0);
    expect((heap.to - heap.from) / ((to - from) * stepsPerEpoch)).toBeLessThan(128);
  }, 120_000);
});
