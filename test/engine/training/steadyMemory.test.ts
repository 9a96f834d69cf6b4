// Training for 1,000 epochs keeps memory flat: no growth beyond the kept history, and only a little short-lived garbage per minibatch.
import { describe, expect, it } from 'vitest';
import { parseSpecText } from '../../../engine/specText.js';
import { collect, trainSpecWatchingHeap } from '../support/trainingHeap.js';

describe('training memory over 1,000 epochs', () => {
  it("keeps the heap flat beyond the kept history, and makes under 128 bytes of garbage per minibatch (the epochs' and the clock's, none of the steps) that no young collection has to clear", async () => {
    expect(collect).toBeTypeOf('function');
    const epochs = 1000;
    const from = 100;
    const windows = [
      [200, 220],
      [350, 370],
      [500, 520],
      [650, 670],
      [800, 820],
    ] as const;
    const { outcome, heap, steady } = await trainSpecWatchingHeap({
      spec: parseSpecText('linear:32,relu,linear:16,relu,linear:8,relu,linear:1,sigmoid', 64),
      dataSet: 'digits-binary',
      changes: { epochs },
      from,
      windows,
    });
    expect(outcome.history).toHaveLength(epochs);
    // Between the two collections the run kept 900 epochs of history (a few numbers each) and nothing else.
    expect(heap.end - heap.from).toBeLessThan((epochs - from) * 256 + 256 * 1024);
    // Nothing was collected in the window, so the heap's growth there is all that its epochs allocated: their kept history
    // and the loop's own per epoch, and a clock read about once a millisecond; a minibatch itself allocates nothing.
    expect(steady.youngCollections).toBe(0);
    // 3-4 bytes alone; up to 67 once among the parallel files of a whole run. An array of 8 numbers per minibatch gives 267.
    expect(steady.bytesPerMinibatch).toBeLessThan(128);
  }, 60_000);

  it('makes no garbage per minibatch with a GELU layer, whose normal CDF calls a function V8 does not inline', async () => {
    const epochs = 300;
    const windows = [
      [100, 120],
      [160, 180],
      [220, 240],
      [280, 300],
    ] as const;
    const { outcome, steady } = await trainSpecWatchingHeap({
      spec: parseSpecText('linear:32,gelu,linear:1,sigmoid', 64),
      dataSet: 'digits-binary',
      changes: { epochs },
      from: 100,
      windows,
    });
    expect(outcome.history).toHaveLength(epochs);
    expect(steady.youngCollections).toBe(0);
    // About 5 bytes; before the continued fraction of erfc passed its numbers through a typed array, about 1,100.
    expect(steady.bytesPerMinibatch).toBeLessThan(128);
  }, 60_000);

  it('makes under 48 bytes of garbage per minibatch for a network of ELU, softplus, SiLU, tanh and leaky ReLU layers, each on its own loops over the buffers', async () => {
    const epochs = 300;
    const windows = [
      [150, 170],
      [200, 220],
      [250, 270],
    ] as const;
    const { outcome, steady } = await trainSpecWatchingHeap({
      spec: parseSpecText('linear:32,elu,linear:16,softplus,linear:16,silu,linear:8,tanh,linear:8,leaky_relu,linear:1,sigmoid', 64),
      dataSet: 'digits-binary',
      changes: { epochs },
      from: 100,
      windows,
    });
    expect(outcome.history).toHaveLength(epochs);
    expect(steady.youngCollections).toBe(0);
    // 3-5 bytes alone; a call per entry through one shared loop boxed every number (kilobytes), an array per minibatch gives 267.
    expect(steady.bytesPerMinibatch).toBeLessThan(48);
  }, 60_000);
});
