// Tests the epoch estimate: the real network's minibatches timed on a given clock, counted as an epoch runs them.
import { describe, expect, it } from 'vitest';
import { readAssetText } from '../../../engine/data/assetFiles.js';
import { createDataLoader, SEED_STREAMS } from '../../../engine/data/dataSets.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { deriveRandom } from '../../../engine/random.js';
import { parseSpecText } from '../../../engine/specText.js';
import { estimateEpoch } from '../../../engine/training/epochEstimate.js';
import { describeEstimate } from '../../../engine/training/epochTime.js';
import { EXERCISE_HYPERPARAMETERS } from '../../../engine/training/hyperparameters.js';

/** A clock that moves on by `step` milliseconds each time it is read, and counts the reads. */
function steppingClock(step: number) {
  let time = 0;
  let reads = 0;
  return {
    now: () => {
      reads++;
      return (time += step);
    },
    get reads() {
      return reads;
    },
  };
}

describe('estimateEpoch', () => {
  const hyper = { ...EXERCISE_HYPERPARAMETERS, batchSize: 16, reduction: 'mean' as const };

  it('counts the full minibatches of each split and multiplies them by the timed seconds per minibatch', async () => {
    const data = await createDataLoader(readAssetText)('digits', hyper);
    const spec = { ...parseSpecText('conv2d:4:3:1:same,relu,maxpool2d:2,flatten,linear:10,softmax', 64), inputShape: [1, 8, 8] };
    const network = buildNetwork(spec, deriveRandom(1, SEED_STREAMS.init));
    const clock = steppingClock(10);
    const estimate = estimateEpoch({ network, data, hyper, now: clock.now, probeMilliseconds: 100 });
    expect(estimate.batchesPerEpoch).toBe(Math.floor(data.train.size / 16));
    expect(estimate.testBatchesPerEpoch).toBe(Math.floor(data.test.size / 16));
    // Each timed step reads the clock once: 10 steps of 10 ms make the 100 ms, and the test steps 4 of 10 ms for their 33 ms.
    expect(estimate.timedBatches).toBe(10);
    expect(estimate.secondsPerBatch).toBeCloseTo(0.01, 12);
    expect(estimate.secondsPerTestBatch).toBeCloseTo(0.01, 12);
    expect(estimate.secondsPerEpoch).toBeCloseTo(0.01 * (estimate.batchesPerEpoch + estimate.testBatchesPerEpoch), 12);
  });

  it('times a single step when one takes longer than the probe, and leaves the test phase out without a test set', async () => {
    const data = await createDataLoader(readAssetText)('digits-binary', { ...hyper, trainFraction: 1 });
    const network = buildNetwork(parseSpecText('linear:32,relu,linear:1,sigmoid', 64), deriveRandom(1, SEED_STREAMS.init));
    const clock = steppingClock(500);
    const estimate = estimateEpoch({ network, data, hyper, now: clock.now, probeMilliseconds: 100 });
    expect(estimate.timedBatches).toBe(1);
    expect(estimate.secondsPerBatch).toBeCloseTo(0.5, 12);
    expect(estimate.testBatchesPerEpoch).toBe(0);
    expect(estimate.secondsPerTestBatch).toBe(0);
    expect(estimate.secondsPerEpoch).toBeCloseTo(0.5 * Math.floor(data.train.size / 16), 9);
  });

  it('trains the network it times, as the loop would', async () => {
    const data = await createDataLoader(readAssetText)('digits-binary', hyper);
    const network = buildNetwork(parseSpecText('linear:8,relu,linear:1,sigmoid', 64), deriveRandom(1, SEED_STREAMS.init));
    const before = Float64Array.from(network.parameters[0]!.value);
    estimateEpoch({ network, data, hyper, now: steppingClock(1).now, probeMilliseconds: 5 });
    expect(network.parameters[0]!.value).not.toEqual(before);
  });

  it('refuses a minibatch larger than the training set', async () => {
    const data = await createDataLoader(readAssetText)('iris', hyper);
    const network = buildNetwork(parseSpecText('linear:3,softmax', 4), deriveRandom(1, SEED_STREAMS.init));
    expect(() => estimateEpoch({ network, data, hyper: { ...hyper, batchSize: 1000 } })).toThrow(/minibatch size 1000 is larger than the training set/);
  });
});

describe('describeEstimate', () => {
  it('says the epoch, its minibatches and the whole run in seconds, minutes or hours', () => {
    const estimate = {
      secondsPerBatch: 0.013,
      secondsPerTestBatch: 0.004,
      batchesPerEpoch: 937,
      testBatchesPerEpoch: 156,
      secondsPerEpoch: 12.8,
      timedBatches: 12,
    };
    expect(describeEstimate(estimate, 5)).toBe('about 13 s per epoch (937 training and 156 test minibatches), 1 min 04 s for 5 epochs');
    expect(describeEstimate({ ...estimate, secondsPerEpoch: 0.0123, testBatchesPerEpoch: 0 }, 1)).toBe('about 0.012 s per epoch (937 training minibatches)');
    expect(describeEstimate({ ...estimate, secondsPerEpoch: 400 }, 20)).toBe(
      'about 6 min 40 s per epoch (937 training and 156 test minibatches), 2 h 13 min for 20 epochs',
    );
  });
});
