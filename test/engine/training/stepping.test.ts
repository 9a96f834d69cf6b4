// Stepping a paused run one minibatch or one epoch at a time, and a learning rate changed while paused.
import { describe, expect, it } from 'vitest';
import { readAssetText } from '../../../engine/data/assetFiles.js';
import { createDataLoader, SEED_STREAMS } from '../../../engine/data/dataSets.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { deriveRandom } from '../../../engine/random.js';
import { parseSpecText } from '../../../engine/specText.js';
import { EXERCISE_HYPERPARAMETERS } from '../../../engine/training/hyperparameters.js';
import { train, type TrainingOptions } from '../../../engine/training/train.js';
import { TrainingControl } from '../../../engine/training/trainingControl.js';

const loadData = createDataLoader(readAssetText);
const hyper = { ...EXERCISE_HYPERPARAMETERS, epochs: 3 };

async function start(extra: Partial<TrainingOptions> = {}) {
  const data = await loadData('digits-binary', hyper);
  const network = buildNetwork(parseSpecText('linear:16,relu,linear:1,sigmoid', 64), deriveRandom(hyper.seed, SEED_STREAMS.init));
  return train({ network, data, hyper, batchIntervalMilliseconds: 0, ...extra });
}

/** Waits until the run has parked on a pause `count` times. */
async function pausedTimes(states: string[], count: number): Promise<void> {
  while (states.filter((s) => s === 'paused').length < count) await new Promise((r) => setTimeout(r, 2));
}

describe('stepping a paused run', () => {
  it('trains exactly one minibatch per step, then pauses again', async () => {
    const control = new TrainingControl();
    control.pause();
    const states: string[] = [];
    let batches = 0;
    const pending = start({ control, onStateChange: (s) => states.push(s), onBatches: (_first, losses) => (batches += losses.length) });
    await pausedTimes(states, 1);
    expect(batches).toBe(1); // a pause asked before the start parks after the first minibatch
    control.stepOnce('batch');
    await pausedTimes(states, 2);
    expect(batches).toBe(2);
    control.stepOnce('batch');
    await pausedTimes(states, 3);
    expect(batches).toBe(3);
    control.resume();
    const outcome = await pending;
    expect(outcome.reason).toBe('completed');
    expect(batches).toBe(3 * 89);
    expect(outcome.history).toEqual((await start()).history); // stepping changes nothing but the timing
  });

  it('trains to the end of the epoch, test phase included, on an epoch step', async () => {
    const control = new TrainingControl();
    control.pause();
    const states: string[] = [];
    const epochs: number[] = [];
    let batches = 0;
    const pending = start({
      control,
      onStateChange: (s) => states.push(s),
      onEpoch: (m) => epochs.push(m.epoch),
      onBatches: (_first, losses) => (batches += losses.length),
    });
    await pausedTimes(states, 1);
    control.stepOnce('epoch');
    await pausedTimes(states, 2);
    expect(epochs).toEqual([1]);
    expect(batches).toBe(89);
    control.stepOnce('epoch');
    await pausedTimes(states, 3);
    expect(epochs).toEqual([1, 2]);
    control.stop();
    expect((await pending).reason).toBe('stopped');
  });

  it('ignores a step while running', () => {
    const control = new TrainingControl();
    control.stepOnce('batch');
    expect(control.step).toBeUndefined();
    expect(control.isPaused).toBe(false);
  });
});

describe('a learning rate changed while paused', () => {
  it('takes effect on resume from the next minibatch, and is recorded with where it took effect', async () => {
    const control = new TrainingControl();
    control.pause();
    const states: string[] = [];
    const told: unknown[] = [];
    const pending = start({ control, onStateChange: (s) => states.push(s), onLearningRate: (change) => told.push(change) });
    await pausedTimes(states, 1);
    control.setLearningRate(0.05);
    await new Promise((r) => setTimeout(r, 20));
    expect(told).toEqual([]); // not before the resume
    control.resume();
    const outcome = await pending;
    expect(outcome.learningRateChanges).toEqual([{ batch: 2, epoch: 1, learningRate: 0.05 }]);
    expect(told).toEqual(outcome.learningRateChanges);
    const unchanged = await start();
    expect(outcome.history[0]!.trainLoss).not.toBe(unchanged.history[0]!.trainLoss);
  });

  it('set to the rate it already had, trains exactly as a run never changed', async () => {
    const control = new TrainingControl();
    control.pause();
    const states: string[] = [];
    const pending = start({ control, onStateChange: (s) => states.push(s) });
    await pausedTimes(states, 1);
    control.setLearningRate(hyper.learningRate);
    control.resume();
    expect((await pending).history).toEqual((await start()).history);
  });
});
