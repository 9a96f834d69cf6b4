// Minibatch training as the exercise's `fit` does it, with any loss and optimizer, time-sliced, pausable; pure, any process.
import type { PreparedData, Samples } from '../data/dataSets.js';
import { allocateFor, type Kernels } from '../kernels/kernels.js';
import { defaultKernels } from '../kernels/defaultKernels.js';
import { createLoss } from '../losses/createLoss.js';
import { defaultLossFor } from '../losses/lossRules.js';
import type { Network } from '../network/network.js';
import { flattenParameters } from '../network/parameters.js';
import { createOptimizer } from '../optimizers/createOptimizer.js';
import type { FinishReason } from '../protocol/training.js';
import type { EpochMetrics } from './epochMetrics.js';
import type { Hyperparameters } from './hyperparameters.js';
import { BatchLossBuffer } from './batchLosses.js';
import { EpochBuffer } from './epochBuffer.js';
import { divergenceCause } from './divergenceCause.js';
import { learningRateWarning } from './learningRateWarning.js';
import type { TrainingControl } from './trainingControl.js';
import { yieldToEventLoop as defaultYield } from './yieldToEventLoop.js';

/** How many epochs of a run are each handed on at once before they are coalesced (a short run sees every one as it ends). */
export const EPOCH_BURST = 16;

/** The hyperparameters the loop uses; the rest (split, seed, normalisation) shaped the data and the network before. */
export type TrainingHyperparameters = Pick<Hyperparameters, 'epochs' | 'learningRate' | 'batchSize' | 'reduction'> &
  Partial<Pick<Hyperparameters, 'loss' | 'optimizer' | 'decay' | 'weightDecay'>>;

export interface TrainingOptions {
  network: Network;
  data: Pick<PreparedData, 'inputs' | 'outputs' | 'train' | 'test'>;
  hyper: TrainingHyperparameters;
  kernels?: Kernels;
  /** Called after each epoch with its metrics (epochs count from 1). */
  onEpoch?: (metrics: EpochMetrics) => void;
  /**
   * Receives the finished epochs coalesced (see EpochBuffer): the first EPOCH_BURST each at once, then those finished
   * since the last call at most every `epochIntervalMilliseconds` (default 250); what is gathered is always handed on
   * before a pause parks the loop and before it returns, so the last epoch is never held back.
   */
  onEpochs?: (epochs: EpochMetrics[]) => void;
  epochIntervalMilliseconds?: number;
  /** Receives the training minibatches' losses (counted from 1 over the run) a few times a second, and at the end. */
  onBatches?: (firstBatch: number, losses: Float64Array) => void;
  /** How often onBatches is called at most, in milliseconds (default 250). */
  batchIntervalMilliseconds?: number;
  /** Pause, resume and stop from outside. */
  control?: TrainingControl;
  /** Asked after every yield and at every epoch's end; true ends the run with reason 'stopped'. */
  shouldStop?: () => boolean;
  /** Told when the loop really parks on a pause and when it runs again. */
  onStateChange?: (state: 'paused' | 'running') => void;
  /** Keep the flattened parameters (see flattenParameters) before training and after each epoch. */
  recordPath?: boolean;
  /** Gives the host a turn; called at least every `sliceMilliseconds` of work. */
  yieldToEventLoop?: () => Promise<void>;
  sliceMilliseconds?: number;
}

export interface TrainingOutcome {
  reason: FinishReason;
  /** A sentence for the user. */
  message: string;
  history: EpochMetrics[];
  /** With recordPath: the flattened parameters before training and after each finished epoch. */
  parameterPath?: Float64Array[];
}

/** The fraction of the batch's predictions that are right: (y > 0.5) == (p > 0.5) per element for one output, argmax per row for several. */
export function batchAccuracy(targets: Float64Array, predictions: Float64Array, rows: number, outputs: number): number {
  let correct = 0;
  if (outputs === 1) {
    for (let i = 0; i < rows; i++) if (targets[i]! > 0.5 === predictions[i]! > 0.5) correct++;
    return correct / rows;
  }
  for (let r = 0; r < rows; r++) {
    const offset = r * outputs;
    let best = 0;
    let target = 0;
    for (let j = 1; j < outputs; j++) {
      if (predictions[offset + j]! > predictions[offset + best]!) best = j;
      if (targets[offset + j]! > targets[offset + target]!) target = j;
    }
    if (best === target) correct++;
  }
  return correct / rows;
}

/** Samples of the batch with an output saturated at the wrong end: |y − p| within 1e-9 of 1. */
function confidentlyWrongRows(targets: Float64Array, predictions: Float64Array, rows: number, outputs: number): number {
  let count = 0;
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < outputs; j++) {
      const i = r * outputs + j;
      if (Math.abs(targets[i]! - predictions[i]!) > 1 - 1e-9) {
        count++;
        break;
      }
    }
  }
  return count;
}

function copyBatch(samples: Samples, step: number, batchSize: number, inputs: number, outputs: number, x: Float64Array, y: Float64Array): void {
  const featureStart = step * batchSize * inputs;
  for (let i = 0; i < x.length; i++) x[i] = samples.features[featureStart + i]!;
  const targetStart = step * batchSize * outputs;
  for (let i = 0; i < y.length; i++) y[i] = samples.targets[targetStart + i]!;
}

/**
 * Trains `network` on `data` like the exercise's `fit`: each epoch runs the training phase over the
 * floor(n / batch) full minibatches in order (no reshuffle), updating after each, then the test phase (in evaluation
 * mode); a phase's loss and accuracy are the means of the per-minibatch figures. The loss is hyper.loss (default: the
 * usual one for the last layer); with reduction 'sum' the gradient is that of the summed loss (the exercise), with
 * 'mean' it is divided by the batch size. Weight decay λ adds λ·value to the gradient of every parameter its layer
 * marks as decayed (a Linear layer's W, not its b); the reported losses are the data loss alone, without the
 * penalty, so runs with different λ compare.
 * Buffers are sized once per run. Ends 'diverged' when a minibatch's loss is NaN or infinite; a run that completes
 * with a loss far worse than where it started, or with saturated wrong outputs, says the learning rate is probably too large.
 */
export async function train(options: TrainingOptions): Promise<TrainingOutcome> {
  const { network, data, hyper, control } = options;
  const kernels = options.kernels ?? defaultKernels;
  const giveTurn = options.yieldToEventLoop ?? defaultYield;
  const stopRequested = (): boolean => (options.shouldStop?.() ?? false) || (control?.isStopRequested ?? false);
  const slice = options.sliceMilliseconds ?? 15;
  const { inputs, outputs } = data;
  const batch = hyper.batchSize;
  const loss = createLoss(hyper.loss ?? defaultLossFor(network.spec));
  const last = network.layers.length - 1;
  const x = allocateFor(kernels, batch * inputs);
  const y = allocateFor(kernels, batch * outputs);
  const lossGradient = allocateFor(kernels, batch * outputs);
  const gradientScale = hyper.reduction === 'sum' ? 1 : 1 / batch;
  const weightDecay = hyper.weightDecay ?? 0;
  const decayed = network.parameters.filter((parameter) => parameter.decayed);
  const optimizer = createOptimizer(hyper.optimizer, hyper.learningRate, hyper.decay, network.parameters);
  const batches = new BatchLossBuffer(options.onBatches, options.batchIntervalMilliseconds ?? 250, Date.now());
  const epochs = new EpochBuffer(options.onEpochs, options.epochIntervalMilliseconds ?? 250, EPOCH_BURST);
  const history: EpochMetrics[] = [];
  const parameterPath = options.recordPath ? [flattenParameters(network)] : undefined;
  let confidentlyWrong = 0;
  let sliceStart = Date.now();

  const finish = (reason: FinishReason, message: string): TrainingOutcome => {
    epochs.flush(Date.now());
    batches.flush(Date.now());
    network.setTraining(false);
    return parameterPath ? { reason, message, history, parameterPath } : { reason, message, history };
  };
  const stopped = (): TrainingOutcome => finish('stopped', `stopped after ${history.length} of ${hyper.epochs} epochs`);
  /** Gives the host a turn and waits out a pause; true when the run should stop. */
  const takeTurn = async (): Promise<boolean> => {
    await giveTurn();
    epochs.flushIfDue(Date.now());
    if (control?.isPaused && !stopRequested()) {
      epochs.flush(Date.now());
      batches.flush(Date.now());
      options.onStateChange?.('paused');
      await control.whenResumed();
      if (!stopRequested()) options.onStateChange?.('running');
    }
    sliceStart = Date.now();
    return stopRequested();
  };

  if (hyper.epochs === 0) return finish('completed', 'no epochs to run: the initial weights are kept');
  for (let epoch = 1; epoch <= hyper.epochs; epoch++) {
    const means = { train: [0, 0], test: [0, 0] };
    for (const phase of ['train', 'test'] as const) {
      const samples = data[phase];
      const steps = Math.floor(samples.size / batch);
      const training = phase === 'train';
      network.setTraining(training);
      let lossSum = 0;
      let accuracySum = 0;
      let wrongRows = 0;
      for (let step = 0; step < steps; step++) {
        copyBatch(samples, step, batch, inputs, outputs, x, y);
        const predictions = network.forward(x, batch);
        const lossInput = loss.fusedLayers === 1 ? network.inputOf(last) : predictions;
        const value = loss.reported(y, lossInput, batch, outputs);
        if (!Number.isFinite(value)) {
          return finish(
            'diverged',
            `the loss became ${value} in epoch ${epoch}, minibatch ${step + 1} of the ${training ? 'training' : 'test'} phase; ${divergenceCause(hyper).advice}`,
          );
        }
        lossSum += value;
        accuracySum += batchAccuracy(y, predictions, batch, outputs);
        if (training) {
          wrongRows += confidentlyWrongRows(y, predictions, batch, outputs);
          loss.gradient(y, lossInput, lossGradient, batch, outputs, gradientScale);
          network.backward(lossGradient, batch, loss.fusedLayers, false);
          if (weightDecay > 0) {
            for (const parameter of decayed) kernels.addScaled(parameter.gradient, parameter.value, weightDecay, parameter.value.length);
          }
          optimizer.step();
        }
        const now = Date.now();
        if (training) batches.add(value, now);
        if (now - sliceStart >= slice && (await takeTurn())) return stopped();
      }
      means[phase] = [lossSum / steps, accuracySum / steps];
      if (training) confidentlyWrong = wrongRows / (steps * batch);
    }
    const metrics: EpochMetrics = {
      epoch,
      trainLoss: means.train[0]!,
      trainAccuracy: means.train[1]!,
      testLoss: means.test[0]!,
      testAccuracy: means.test[1]!,
    };
    history.push(metrics);
    parameterPath?.push(flattenParameters(network));
    options.onEpoch?.(metrics);
    epochs.add(metrics, Date.now());
    if ((await takeTurn()) && epoch < hyper.epochs) return stopped();
  }
  const cause = divergenceCause(hyper);
  const otherCause = cause.blames === 'learning rate' ? undefined : cause.advice;
  const warning = learningRateWarning({ history, guessingLoss: loss.guessingLoss(outputs), confidentlyWrong, otherCause });
  return finish('completed', warning ? `completed ${hyper.epochs} epochs, but ${warning}` : `completed ${hyper.epochs} epochs`);
}
