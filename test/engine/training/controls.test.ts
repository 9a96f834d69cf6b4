// The training loop's controls and records: pause, resume and stop, epochs 0, initial weights, the parameter path, batch losses, the too-large learning rate.
import { describe, expect, it } from 'vitest';
import { readAssetText } from '../../../engine/data/assetFiles.js';
import { createDataLoader, SEED_STREAMS } from '../../../engine/data/dataSets.js';
import { loadTrainedWeights } from '../../../engine/network/loadWeights.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { flattenParameters, loadParameters } from '../../../engine/network/parameters.js';
import { EXERCISE_HYPERPARAMETERS, type Hyperparameters } from '../../../engine/training/hyperparameters.js';
import { deriveRandom } from '../../../engine/random.js';
import { parseSpecText } from '../../../engine/specText.js';
import { train, type TrainingOptions } from '../../../engine/training/train.js';
import { TrainingControl } from '../../../engine/training/trainingControl.js';

const loadData = createDataLoader(readAssetText);
const NET = 'linear:32,relu,linear:1,sigmoid';

async function setUp(net = NET, hyper: Partial<Hyperparameters> = {}, dataSet: 'digits' | 'digits-binary' = 'digits-binary') {
  const settings = { ...EXERCISE_HYPERPARAMETERS, ...hyper };
  const data = await loadData(dataSet, settings);
  const network = buildNetwork(parseSpecText(net, 64), deriveRandom(settings.seed, SEED_STREAMS.init));
  return { settings, data, network };
}

async function run(extra: Partial<TrainingOptions> = {}, hyper: Partial<Hyperparameters> = {}, net = NET) {
  const { settings, data, network } = await setUp(net, hyper);
  const outcome = await train({ network, data, hyper: settings, ...extra });
  return { outcome, network };
}

describe('training controls', () => {
  it('pauses at its next turn without spinning, says so, and resumes to the same history as an uninterrupted run', async () => {
    const control = new TrainingControl();
    const states: string[] = [];
    let turns = 0;
    const pending = run(
      {
        control,
        sliceMilliseconds: 0,
        onStateChange: (state) => states.push(state),
        yieldToEventLoop: async () => {
          turns++;
          if (turns === 10) control.pause();
          await new Promise((r) => setImmediate(r));
        },
      },
      { epochs: 2 },
    );
    while (states.length === 0) await new Promise((r) => setTimeout(r, 5));
    const turnsWhilePaused = turns;
    await new Promise((r) => setTimeout(r, 50));
    expect(turns).toBe(turnsWhilePaused); // parked: no further turns while paused
    expect(states).toEqual(['paused']);
    control.resume();
    const { outcome } = await pending;
    expect(states).toEqual(['paused', 'running']);
    const straight = await run({}, { epochs: 2 });
    expect(outcome.history).toEqual(straight.outcome.history);
  });

  it('stops while paused', async () => {
    const control = new TrainingControl();
    control.pause();
    const states: string[] = [];
    const pending = run({ control, sliceMilliseconds: 0, onStateChange: (state) => states.push(state) });
    while (states.length === 0) await new Promise((r) => setTimeout(r, 5));
    control.stop();
    const { outcome } = await pending;
    expect(outcome.reason).toBe('stopped');
    expect(outcome.message).toBe('stopped after 0 of 25 epochs');
    expect(states).toEqual(['paused']);
  });

  it('returns at once with the initial weights for 0 epochs', async () => {
    const { settings, data, network } = await setUp();
    const before = flattenParameters(network);
    const outcome = await train({ network, data, hyper: { ...settings, epochs: 0 }, recordPath: true });
    expect(outcome.reason).toBe('completed');
    expect(outcome.history).toEqual([]);
    expect(flattenParameters(network)).toEqual(before);
    expect(outcome.parameterPath).toEqual([before]);
  });

  it('records the flattened parameters before training and after each epoch: every Linear layer in order, W then b', async () => {
    const { outcome, network } = await run({ recordPath: true }, { epochs: 3 });
    const path = outcome.parameterPath!;
    expect(path.length).toBe(4);
    expect(path.every((point) => point.length === 64 * 32 + 32 + 32 + 1)).toBe(true);
    const [firstW, firstB] = network.layers[0]!.parameters;
    const [secondW, secondB] = network.layers[2]!.parameters;
    const last = path[3]!;
    expect(last.subarray(0, 2048)).toEqual(firstW!.value);
    expect(last.subarray(2048, 2080)).toEqual(firstB!.value);
    expect(last.subarray(2080, 2112)).toEqual(secondW!.value);
    expect(last.subarray(2112)).toEqual(secondB!.value);
    expect(path[0]).not.toEqual(path[1]);
  });

  it('continues from saved weights exactly as the run that saved them would have', async () => {
    const whole = await run({}, { epochs: 4 });
    const half = await run({}, { epochs: 2 });
    const same = await setUp();
    loadTrainedWeights(same.network, half.network.trainedWeights());
    const continued = await train({ network: same.network, data: same.data, hyper: { ...same.settings, epochs: 2 } });
    expect(continued.history.map((m) => m.trainLoss)).toEqual(whole.outcome.history.slice(2).map((m) => m.trainLoss));
  });

  it('refuses saved weights of another network', async () => {
    const { network } = await setUp();
    const other = buildNetwork(parseSpecText('linear:16,relu,linear:1,sigmoid', 64), deriveRandom(1, 1)).trainedWeights();
    expect(() => loadTrainedWeights(network, other)).toThrow("the initial weights belong to another network (their spec differs from this run's)");
    expect(() => loadParameters(network, new Float64Array(3))).toThrow('the parameter vector has 3 values but the network has 2113 parameters');
  });

  it('hands on every training minibatch loss once, in order, counted from 1', async () => {
    const received: { first: number; losses: number[] }[] = [];
    const { outcome } = await run(
      { onBatches: (first, losses) => received.push({ first, losses: Array.from(losses) }), batchIntervalMilliseconds: 0 },
      { epochs: 2 },
    );
    const all = received.flatMap((chunk) => chunk.losses);
    expect(all.length).toBe(2 * 89);
    let next = 1;
    for (const chunk of received) {
      expect(chunk.first).toBe(next);
      next += chunk.losses.length;
    }
    const epochOne = all.slice(0, 89).reduce((s, v) => s + v, 0) / 89;
    expect(epochOne).toBeCloseTo(outcome.history[0]!.trainLoss, 12);
  });

  it('says the learning rate is probably too large when a run completes with saturated, confidently wrong outputs', async () => {
    const { outcome } = await run({}, { learningRate: 1e6, epochs: 3 });
    expect(outcome.reason).toBe('completed');
    expect(outcome.message).toMatch(
      /^completed 3 epochs, but .*far worse than guessing \(0\.693\).*confidently wrong.*: the learning rate is probably too large$/,
    );
    const healthy = await run({}, { epochs: 3 });
    expect(healthy.outcome.message).toBe('completed 3 epochs');
  });

  it('adds λ·W to the weight gradients with weight decay, shrinking the weights', async () => {
    const plain = await run({}, { epochs: 3 });
    const decayed = await run({}, { epochs: 3, weightDecay: 0.05 });
    const size = (weights: Float64Array) => Math.hypot(...weights);
    const firstW = (network: typeof plain.network) => network.layers[0]!.parameters.find((parameter) => parameter.name === 'W')!.value;
    expect(size(firstW(decayed.network))).toBeLessThan(0.9 * size(firstW(plain.network)));
    expect(decayed.outcome.history[2]!.testAccuracy).toBeGreaterThan(0.9);
  });
});
