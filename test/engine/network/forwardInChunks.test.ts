// Forward passes in chunks: the same outputs as one batch, in chunks small enough that a test set of images never holds gigabytes of activations.
import { describe, expect, it } from 'vitest';
import { predictSamples, predictSamplesSliced } from '../../../engine/analysis/predictions.js';
import { chunkRows, forwardInChunks } from '../../../engine/network/forwardInChunks.js';
import { TimeSlicer } from '../../../engine/work/timeSlicer.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { findPreset } from '../../../engine/network/networkPresets.js';
import { createRandom } from '../../../engine/random.js';

describe('forwardInChunks', () => {
  it('gives every row the output one batch gives it, chunk after chunk', () => {
    const network = buildNetwork(findPreset('digits-convnet')!.spec, createRandom(4));
    const rows = 3100;
    const random = createRandom(9);
    const features = Float64Array.from({ length: rows * 64 }, () => random.next() * 2 - 1);
    const step = chunkRows(network, rows);
    expect(step).toBeLessThan(rows);
    const chunked = new Float64Array(rows * 10);
    const firsts: number[] = [];
    forwardInChunks(network, features, rows, (outputs, first, count) => {
      firsts.push(first);
      chunked.set(outputs.subarray(0, count * 10), first * 10);
    });
    expect(firsts).toEqual(Array.from({ length: Math.ceil(rows / step) }, (_, i) => i * step));
    const whole = network.forward(features, rows);
    for (let i = 0; i < chunked.length; i++) expect(chunked[i]).toBeCloseTo(whole[i]!, 12);
  });

  it('predicts the same classes in slices that give the host turns as in one go', async () => {
    const network = buildNetwork(findPreset('digits-convnet')!.spec, createRandom(5));
    const size = 6000;
    const random = createRandom(11);
    const features = Float64Array.from({ length: size * 64 }, () => random.next());
    const labels = Int32Array.from({ length: size }, (_, i) => i % 10);
    const samples = { size, features, targets: new Float64Array(size * 10), labels };
    let turns = 0;
    const slicer = new TimeSlicer({ sliceMilliseconds: 0, yieldToEventLoop: async () => void turns++ });
    const sliced = await predictSamplesSliced(network, samples, slicer);
    const whole = predictSamples(network, samples);
    expect(Array.from(sliced.predicted)).toEqual(Array.from(whole.predicted));
    expect(Array.from(sliced.confidence)).toEqual(Array.from(whole.confidence));
    expect(turns).toBeGreaterThan(0);
  });

  it('keeps a chunk of the Fashion-MNIST two-conv network to a few hundred rows', () => {
    const network = buildNetwork(findPreset('fashion-convnet')!.spec, createRandom(1));
    expect(chunkRows(network, 10000)).toBeGreaterThanOrEqual(10);
    expect(chunkRows(network, 10000)).toBeLessThan(500);
    expect(chunkRows(network, 3)).toBe(3);
  });
});
