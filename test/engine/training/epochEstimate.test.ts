// Tests the epoch estimate: the real network's minibatches timed on a given clock, counted as an epoch runs them.
import { describe, expect, it } from 'vitest';
import { readAssetText } from '../../../engine/data/assetFiles.js';
import { createDataLoader, SEED_STREAMS } from '../../../engine/data/dataSets.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { deriveRandom } from '../../../engine/random.js';
import { parseSpecText } from '../../../engine/specText.js';
import { estimateEpoch, keepTiming, keepWarming, MEDIAN_BELOW_STEPS, typicalStep } from '../../../engine/training/epochEstimate.js';
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

  it("leaves cold steps untimed and takes the median of a slow network's few timed steps, so one interrupted step does not count", async () => {
    const data = await createDataLoader(readAssetText)('digits', hyper);
    const network = buildNetwork(parseSpecText('linear:16,relu,linear:10,softmax', 64), deriveRandom(1, SEED_STREAMS.init));
    // A clock that moves only as the network runs: each forward pass (one per step) costs its step's milliseconds. The
    // first two training steps are cold (400 and 150 ms), then 100 ms each but for one interrupted step of 300 ms; the
    // test passes after the six training steps cost 30 ms.
    let time = 0;
    let calls = 0;
    const cost = (call: number): number => (call === 0 ? 400 : call === 1 ? 150 : call === 4 ? 300 : call < 6 ? 100 : 30);
    const forward = network.forward.bind(network);
    network.forward = (x, rows) => {
      time += cost(calls++);
      return forward(x, rows);
    };
    const estimate = estimateEpoch({ network, data, hyper, now: () => time, probeMilliseconds: 200 });
    // Two warm-up steps (550 ms); then 100, 100, 300, 100 ms timed, the probe grown past its 200 ms up to its 600 ms limit.
    expect(estimate.timedBatches).toBe(4);
    expect(estimate.secondsPerBatch).toBeCloseTo(0.1, 12);
    // Two untimed test passes, then five timed ones (at least five, though 67 ms had passed after three).
    expect(calls).toBe(6 + 2 + 5);
    expect(estimate.secondsPerTestBatch).toBeCloseTo(0.03, 12);
  });

  it('refuses a minibatch larger than the training set', async () => {
    const data = await createDataLoader(readAssetText)('iris', hyper);
    const network = buildNetwork(parseSpecText('linear:3,softmax', 4), deriveRandom(1, SEED_STREAMS.init));
    expect(() => estimateEpoch({ network, data, hyper: { ...hyper, batchSize: 1000 } })).toThrow(/minibatch size 1000 is larger than the training set/);
  });
});

describe("the probe's rules", () => {
  it('warms up for two steps and a quarter of the probe, but a step longer than three probes warms up alone', () => {
    expect(keepWarming(1, 5, 200)).toBe(true);
    expect(keepWarming(2, 10, 200)).toBe(true); // a fast network: on to 50 ms of steps
    expect(keepWarming(2, 60, 200)).toBe(false);
    expect(keepWarming(1, 420, 200)).toBe(true); // a cold first step of a convnet: one more
    expect(keepWarming(1, 700, 200)).toBe(false);
  });

  it('times at least five steps of a slow network, growing the probe up to three times its time', () => {
    expect(keepTiming(2, 200, 200)).toBe(true); // 100 ms steps: the 200 ms have passed, but only two steps
    expect(keepTiming(5, 500, 200)).toBe(false);
    expect(keepTiming(3, 600, 200)).toBe(false); // 200 ms steps: three of them fill the grown probe
    expect(keepTiming(1, 900, 200)).toBe(false);
    expect(keepTiming(40, 150, 200)).toBe(true);
    expect(keepTiming(41, 200, 200)).toBe(false);
  });

  it('sums up few steps by their median and many by their mean', () => {
    expect(typicalStep([420, 100, 98])).toBe(100);
    expect(typicalStep([100, 300, 100, 96])).toBe(100);
    expect(typicalStep([])).toBe(0);
    const many = Array.from({ length: MEDIAN_BELOW_STEPS }, (_, i) => (i === 0 ? 17 : 1));
    expect(typicalStep(many)).toBe(2);
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
