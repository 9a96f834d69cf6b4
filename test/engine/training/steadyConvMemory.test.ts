// Training a convolutional network keeps memory flat: its im2col and pooling buffers are made once, so epochs add only their history.
import { describe, expect, it } from 'vitest';
import { parseSpecText } from '../../../engine/specText.js';
import { collect, trainSpecWatchingHeap } from '../support/trainingHeap.js';

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
    const spec = {
      ...parseSpecText('conv2d:4:3:1:same,relu,maxpool2d:2,conv2d:8:3,relu,avgpool2d:2,flatten,linear:10,softmax', 64),
      inputShape: [1, 8, 8],
    };
    const { outcome, heap, steady } = await trainSpecWatchingHeap({ spec, dataSet: 'digits', changes: { epochs, learningRate: 0.001 }, from, windows });
    expect(outcome.reason).toBe('completed');
    expect(outcome.history).toHaveLength(epochs);
    expect(heap.end - heap.from).toBeLessThan((epochs - from) * 256 + 256 * 1024);
    expect(steady.youngCollections).toBe(0);
    expect(steady.bytesPerMinibatch).toBeLessThan(48);
  }, 120_000);
});
