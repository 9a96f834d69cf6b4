// Training a convolutional network keeps memory flat: its im2col and pooling buffers are made once, so epochs add only their history.
import { describe, expect, it } from 'vitest';
import { readAssetText } from '../../../engine/data/assetFiles.js';
import { createDataLoader, SEED_STREAMS } from '../../../engine/data/dataSets.js';
import { loadEngineKernels } from '../../../engine/kernels/wasm/kernelFiles.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { deriveRandom } from '../../../engine/random.js';
import { parseSpecText } from '../../../engine/specText.js';
import { EXERCISE_HYPERPARAMETERS } from '../../../engine/training/hyperparameters.js';
import { collect, trainWatchingHeap } from '../support/trainingHeap.js';

describe('training memory of a convolutional network', () => {
  it("keeps the heap flat over 160 epochs of two convolutions and poolings, and makes under 48 bytes of garbage per minibatch (the epochs' and the clock's, none of the steps)", async () => {
    expect(collect).toBeTypeOf('function');
    const epochs = 160;
    const from = 60;
    const windows = [
      [60, 70],
      [80, 90],
      [100, 110],
      [120, 130],
      [140, 150],
    ] as const;
    const settings = { ...EXERCISE_HYPERPARAMETERS, epochs, learningRate: 0.001 };
    const data = await createDataLoader(readAssetText)('digits', settings);
    const kernels = loadEngineKernels();
    const spec = {
      ...parseSpecText('conv2d:4:3:1:same,relu,maxpool2d:2,conv2d:8:3,relu,avgpool2d:2,flatten,linear:10,softmax', 64),
      inputShape: [1, 8, 8],
    };
    const network = buildNetwork(spec, deriveRandom(settings.seed, SEED_STREAMS.init), kernels);
    const { outcome, heap, steady } = await trainWatchingHeap({ network, data, hyper: settings, kernels, from, windows });
    expect(outcome.reason).toBe('completed');
    expect(outcome.history).toHaveLength(epochs);
    expect(heap.end - heap.from).toBeLessThan((epochs - from) * 256 + 256 * 1024);
    expect(steady.youngCollections).toBe(0);
    expect(steady.bytesPerMinibatch).toBeLessThan(48);
  }, 120_000);
});
