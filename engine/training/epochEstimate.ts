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
const MAX_TIMED_STEPS = 500;

export interface EpochProbeOptions {
  /** The network to time; the probe trains it a few steps, so give it one built for the estimate. */
  network: Network;
  data: Pick<PreparedData, 'inputs' | 'outputs' | 'train' | 'test'>;
  hyper: Pick<TrainingHyperparameters, 'batchSize' | 'learningRate' | 'reduction' | 'loss' | 'optimizer' | 'decay' | 'weightDecay'>;
  kernels?: Kernels;
  /** Milliseconds of timed training steps to aim for (default 200; a third as long for the test steps); at least one step is timed. */
  probeMilliseconds?: number;
  /** The clock, in milliseconds (default Date.now). */
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

/**
 * Times the real network's minibatches as the training loop runs them — forward, loss, accuracy, backward, weight decay and
 * the optimizer's step on minibatches copied into the kernels' memory — after one or two untimed steps (which size the
 * layers' buffers), until `probeMilliseconds` have passed or {@link MAX_TIMED_STEPS} steps ran; then the test phase's
 * forward passes a third as long. The epoch is floor(train / batch) training and floor(test / batch) test minibatches.
 * It runs synchronously: a step that takes longer than the probe is timed once (two steps and one test pass in all).
 * @throws Error when the training set holds no full minibatch.
 */
export function estimateEpoch(options: EpochProbeOptions): EpochEstimate {
  const { network, data, hyper } = options;
  const kernels = options.kernels ?? defaultKernels;
  const now = options.now ?? Date.now;
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
  /** Runs `step` until `milliseconds` have passed (at least once, at most MAX_TIMED_STEPS times); the steps and the seconds of each. */
  const timed = (step: (index: number) => void, milliseconds: number): { steps: number; seconds: number } => {
    const started = now();
    let steps = 0;
    let elapsed = 0;
    do {
      step(steps++);
      elapsed = now() - started;
    } while (elapsed < milliseconds && steps < MAX_TIMED_STEPS);
    return { steps, seconds: elapsed / 1000 / steps };
  };

  network.setTraining(true);
  const first = now();
  trainStep(0);
  if (now() - first < probe) trainStep(1);
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
