// How long an epoch of a network on its data will take, measured before training by timing a few of its real minibatches; pure, any process.
import type { PreparedData, Samples } from '../data/dataSets.js';
import { allocateFor, type Kernels } from '../kernels/kernels.js';
import { defaultKernels } from '../kernels/defaultKernels.js';
import { createLoss } from '../losses/createLoss.js';
import { defaultLossFor } from '../losses/lossRules.js';
import type { Network } from '../network/network.js';
import { createOptimizer } from '../optimizers/createOptimizer.js';
import { minibatchesOf } from './minibatches.js';
import type { EpochEstimate } from './epochTime.js';
import { batchAccuracy, type TrainingHyperparameters } from './train.js';

/** At most this many distinct minibatches are copied for the probe; the timed steps cycle over them. */
const PROBE_BATCHES = 8;
/** At most this many timed steps of each phase, however fast they are. */
export const MAX_TIMED_STEPS = 500;
/**
 * Untimed steps before the timing: the first sizes the layers' buffers and touches them, the next run while the JIT and the
 * WebAssembly tiers catch up. A fast network warms up for {@link WARM_UP_SHARE} of the probe, however many steps that is.
 */
export const WARM_UP_STEPS = 2;
export const WARM_UP_SHARE = 0.25;
/** A slow step's probe grows until this many steps are timed… */
export const MIN_TIMED_STEPS = 5;
/** …but not past this many times the probe's time (600 ms of training steps by default), so the form waits at most that long. */
export const PROBE_GROWTH = 3;
/** Fewer timed steps than this are summed up by their median (one cold or interrupted step cannot pull it), more by their mean. */
export const MEDIAN_BELOW_STEPS = 16;

export interface EpochProbeOptions {
  /** The network to time; the probe trains it a few steps, so give it one built for the estimate. */
  network: Network;
  data: Pick<PreparedData, 'inputs' | 'outputs' | 'train' | 'test'>;
  hyper: Pick<TrainingHyperparameters, 'batchSize' | 'learningRate' | 'reduction' | 'loss' | 'optimizer' | 'decay' | 'weightDecay'>;
  kernels?: Kernels;
  /** Milliseconds of timed training steps to aim for (default 200; a third as long for the test steps); at least one step is timed. */
  probeMilliseconds?: number;
  /** The clock, in milliseconds (default performance.now). */
  now?: () => number;
}

/** The first `count` samples, as views. */
function firstSamples(samples: Samples, count: number, inputs: number, outputs: number): Samples {
  return {
    size: count,
    features: samples.features.subarray(0, count * inputs),
    targets: samples.targets.subarray(0, count * outputs),
    labels: samples.labels.subarray(0, count),
  };
}

/** The finest clock the runtime has, in milliseconds: performance.now (Node, browsers, workers), else Date.now. */
function finestClock(): () => number {
  const performance = (globalThis as { performance?: { now(): number } }).performance;
  return performance ? () => performance.now() : Date.now;
}

/**
 * Whether the warm-up goes on after `steps` untimed steps in `elapsed` ms: until {@link WARM_UP_STEPS} steps and a
 * {@link WARM_UP_SHARE} of the probe have passed, but never past the probe's grown time (one step that long is warm-up enough).
 */
export function keepWarming(steps: number, elapsed: number, probeMilliseconds: number): boolean {
  if (steps >= MAX_TIMED_STEPS || elapsed >= PROBE_GROWTH * probeMilliseconds) return false;
  return steps < WARM_UP_STEPS || elapsed < WARM_UP_SHARE * probeMilliseconds;
}

/**
 * Whether the timing goes on after `steps` timed steps in `elapsed` ms: until the probe's time has passed and at least
 * {@link MIN_TIMED_STEPS} steps ran (a slow step's probe grows), but never past {@link PROBE_GROWTH} times the probe's
 * time or {@link MAX_TIMED_STEPS} steps. At least one step is always timed.
 */
export function keepTiming(steps: number, elapsed: number, probeMilliseconds: number): boolean {
  if (steps >= MAX_TIMED_STEPS || elapsed >= PROBE_GROWTH * probeMilliseconds) return false;
  return elapsed < probeMilliseconds || steps < MIN_TIMED_STEPS;
}

/**
 * Milliseconds of one step from the timed steps' own times: their median when they are few (fewer than
 * {@link MEDIAN_BELOW_STEPS}), else their mean (which a coarse clock times well over many short steps).
 */
export function typicalStep(milliseconds: ArrayLike<number>): number {
  const count = milliseconds.length;
  if (count === 0) return 0;
  if (count >= MEDIAN_BELOW_STEPS) {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += milliseconds[i]!;
    return sum / count;
  }
  const sorted = Float64Array.from(milliseconds).sort();
  const middle = count >> 1;
  return count % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Times the real network's minibatches as the training loop runs them — forward, loss, accuracy, backward, weight decay and
 * the optimizer's step on minibatches copied into the kernels' memory — after untimed warm-up steps (see keepWarming),
 * until `probeMilliseconds` have passed and at least {@link MIN_TIMED_STEPS} steps ran, within {@link PROBE_GROWTH} times
 * the probe (see keepTiming); then the test phase's forward passes the same way on a third of the time. A step's time is
 * the median of few timed steps, the mean of many (see typicalStep). The epoch is floor(train / batch) training and
 * floor(test / batch) test minibatches. It runs synchronously, in at most about 8 probes' time (1.6 s by default) plus two
 * training steps and two test passes: a step longer than 3 probes is run once to warm up and timed once.
 * @throws Error when the training set holds no full minibatch.
 */
export function estimateEpoch(options: EpochProbeOptions): EpochEstimate {
  const { network, data, hyper } = options;
  const kernels = options.kernels ?? defaultKernels;
  const now = options.now ?? finestClock();
  const probe = options.probeMilliseconds ?? 200;
  const { inputs, outputs } = data;
  const batch = hyper.batchSize;
  const batchesPerEpoch = Math.floor(data.train.size / batch);
  const testBatchesPerEpoch = Math.floor(data.test.size / batch);
  if (batchesPerEpoch < 1) throw new Error(`the minibatch size ${batch} is larger than the training set (${data.train.size} samples)`);
  const probeTrain = Math.min(batchesPerEpoch, PROBE_BATCHES);
  const probeTest = Math.min(testBatchesPerEpoch, PROBE_BATCHES);
  const train = minibatchesOf(firstSamples(data.train, probeTrain * batch, inputs, outputs), batch, inputs, outputs, kernels);
  const test = minibatchesOf(firstSamples(data.test, probeTest * batch, inputs, outputs), batch, inputs, outputs, kernels);
  const loss = createLoss(hyper.loss ?? defaultLossFor(network.spec));
  const last = network.layers.length - 1;
  const lossGradient = allocateFor(kernels, batch * outputs);
  const gradientScale = hyper.reduction === 'sum' ? 1 : 1 / batch;
  const weightDecay = hyper.weightDecay ?? 0;
  const decayed = network.parameters.filter((parameter) => parameter.decayed);
  const optimizer = createOptimizer(hyper.optimizer, hyper.learningRate, hyper.decay, network.parameters, kernels);

  const pass = (x: Float64Array, y: Float64Array): Float64Array => {
    const predictions = network.forward(x, batch);
    const lossInput = loss.fusedLayers === 1 ? network.inputOf(last) : predictions;
    loss.reported(y, lossInput, batch, outputs);
    batchAccuracy(y, predictions, batch, outputs);
    return lossInput;
  };
  const trainStep = (step: number): void => {
    const x = train.features[step % probeTrain]!;
    const y = train.targets[step % probeTrain]!;
    const lossInput = pass(x, y);
    loss.gradient(y, lossInput, lossGradient, batch, outputs, gradientScale);
    network.backward(lossGradient, batch, loss.fusedLayers, false);
    if (weightDecay > 0) for (const parameter of decayed) kernels.addScaled(parameter.gradient, parameter.value, weightDecay, parameter.value.length);
    optimizer.step();
  };
  /** Runs `step` untimed while keepWarming says so, then timed while keepTiming does; the steps timed and the seconds of one. */
  const timed = (step: (index: number) => void, milliseconds: number): { steps: number; seconds: number } => {
    const warmStart = now();
    let index = 0;
    do step(index++);
    while (keepWarming(index, now() - warmStart, milliseconds));
    const times = new Float64Array(MAX_TIMED_STEPS);
    const started = now();
    let previous = started;
    let steps = 0;
    do {
      step(index++);
      const time = now();
      times[steps++] = time - previous;
      previous = time;
    } while (keepTiming(steps, previous - started, milliseconds));
    return { steps, seconds: typicalStep(times.subarray(0, steps)) / 1000 };
  };

  network.setTraining(true);
  const training = timed(trainStep, probe);
  network.setTraining(false);
  const testing = probeTest > 0 ? timed((step) => pass(test.features[step % probeTest]!, test.targets[step % probeTest]!), probe / 3) : { seconds: 0 };
  const secondsPerEpoch = batchesPerEpoch * training.seconds + testBatchesPerEpoch * testing.seconds;
  return {
    secondsPerBatch: training.seconds,
    secondsPerTestBatch: testing.seconds,
    batchesPerEpoch,
    testBatchesPerEpoch,
    secondsPerEpoch,
    timedBatches: training.steps,
  };
}
