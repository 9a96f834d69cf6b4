// Minibatch training as the exercise's `fit` does it, with any loss and optimizer, time-sliced, pausable; pure, any process.
import type { PreparedData } from '../data/dataSets.js';
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
import type { LearningRateChange } from './learningRateChange.js';
import { BatchLossBuffer, type BatchLossListener } from './batchLosses.js';
import { EpochBuffer } from './epochBuffer.js';
import { divergenceCause } from './divergenceCause.js';
import { learningRateWarning } from './learningRateWarning.js';
import { minibatchesOf } from './minibatches.js';
import { StepClock } from './stepClock.js';
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
  /**
   * Receives the training minibatches' losses (counted from 1 over the run) a few times a second, and at the end, with
   * the training samples per second since the last call (pauses left out; undefined when too short to measure).
   */
  onBatches?: BatchLossListener;
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
  /**
   * Called before training, after a training minibatch when `snapshotIntervalMilliseconds` (default 250; more when a call
   * takes over a hundredth of it) have passed since the last call, when the loop parks on a pause, and at the end: with
   * the training minibatches and epochs done so far.
   */
  onSnapshot?: (batchesDone: number, epochsDone: number) => void;
  snapshotIntervalMilliseconds?: number;
  /** Told when a learning rate asked for through `control` takes effect. */
  onLearningRate?: (change: LearningRateChange) => void;
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
  /** The learning rates set during the run, in order. */
  learningRateChanges: LearningRateChange[];
}

/** Slots of the training loop's sums. */
const LOSS_SUM = 0;
const ACCURACY_SUM = 1;
const WRONG_ROWS = 2;
const LAST_LOSS = 3;

/** The fraction of the batch's predictions that are right: (y > 0.5) == (p > 0.5) per element for one output, argmax per row for several. */
export function batchAccuracy(targets: Float64Array, predictions: Float64Array, rows: number, outputs: number): number {
  return correctPredictions(targets, predictions, rows, outputs) / rows;
}

/** How many of the batch's predictions are right (see batchAccuracy): a whole number, which a call returns without boxing it. */
function correctPredictions(targets: Float64Array, predictions: Float64Array, rows: number, outputs: number): number {
  let correct = 0;
  if (outputs === 1) {
    for (let i = 0; i < rows; i++) if (targets[i]! > 0.5 === predictions[i]! > 0.5) correct++;
    return correct;
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
  return correct;
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

/**
 * Trains `network` on `data` like the exercise's `fit`: each epoch runs the training phase over the
 * floor(n / batch) full minibatches in order (no reshuffle), updating after each, then the test phase (in evaluation
 * mode; skipped, with its metrics left out, when the test set is empty); a phase's loss and accuracy are the means of the per-minibatch figures. The loss is hyper.loss (default: the
 * usual one for the last layer); with reduction 'sum' the gradient is that of the summed loss (the exercise), with
 * 'mean' it is divided by the batch size. Weight decay λ adds λ·value to the gradient of every parameter its layer
 * marks as decayed (a Linear layer's W, not its b); the reported losses are the data loss alone, without the
 * penalty, so runs with different λ compare.
 * Buffers are sized once per run, and the minibatches are views made once per run (see minibatchesOf); a minibatch allocates
 * nothing (the clock is read about once a millisecond, see StepClock). Ends 'diverged' when a minibatch's loss is NaN or infinite; a run that completes
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
  const phases = data.test.size > 0 ? (['train', 'test'] as const) : (['train'] as const);
  const minibatches = { train: minibatchesOf(data.train, batch, inputs, outputs, kernels), test: minibatchesOf(data.test, batch, inputs, outputs, kernels) };
  const lossGradient = allocateFor(kernels, batch * outputs);
  const gradientScale = hyper.reduction === 'sum' ? 1 : 1 / batch;
  const weightDecay = hyper.weightDecay ?? 0;
  const decayed = network.parameters.filter((parameter) => parameter.decayed);
  const optimizer = createOptimizer(hyper.optimizer, hyper.learningRate, hyper.decay, network.parameters, kernels);
  const batchInterval = options.batchIntervalMilliseconds ?? 250;
  const batches = new BatchLossBuffer(options.onBatches, batchInterval, Date.now(), batch);
  const epochs = new EpochBuffer(options.onEpochs, options.epochIntervalMilliseconds ?? 250, EPOCH_BURST);
  const history: EpochMetrics[] = [];
  const parameterPath = options.recordPath ? [flattenParameters(network)] : undefined;
  const learningRateChanges: LearningRateChange[] = [];
  const baseSnapshotInterval = options.snapshotIntervalMilliseconds ?? 250;
  let snapshotInterval = baseSnapshotInterval;
  let confidentlyWrong = 0;
  let batchesDone = 0;
  let sliceStart = Date.now();
  let lastSnapshot = sliceStart;
  // A slice or an interval of 0 asks for a turn, the losses or a snapshot after every minibatch: the clock is read at each.
  const clock = new StepClock(sliceStart, slice > 0 && batchInterval > 0 && baseSnapshotInterval > 0 ? undefined : 1);

  // A snapshot (the decision boundary) is kept to about 1% of the run: the wait grows to 100 times the last one's time.
  const snapshot = (now: number): void => {
    if (!options.onSnapshot) return;
    options.onSnapshot(batchesDone, history.length);
    lastSnapshot = Date.now();
    snapshotInterval = Math.max(baseSnapshotInterval, 100 * (lastSnapshot - now));
  };
  const takeLearningRate = (): void => {
    const learningRate = control?.takeLearningRate();
    if (learningRate === undefined) return;
    optimizer.setLearningRate(learningRate);
    const change = { batch: batchesDone + 1, epoch: history.length + 1, learningRate };
    learningRateChanges.push(change);
    options.onLearningRate?.(change);
  };
  const finish = (reason: FinishReason, message: string): TrainingOutcome => {
    epochs.flush(Date.now());
    batches.flush(Date.now());
    network.setTraining(false);
    if (reason !== 'diverged') snapshot(Date.now());
    const outcome = { reason, message, history, learningRateChanges };
    return parameterPath ? { ...outcome, parameterPath } : outcome;
  };
  const stopped = (): TrainingOutcome => finish('stopped', `stopped after ${history.length} of ${hyper.epochs} epochs`);
  /** Gives the host a turn and waits out a pause; true when the run should stop. */
  const takeTurn = async (): Promise<boolean> => {
    await giveTurn();
    takeLearningRate();
    epochs.flushIfDue(Date.now());
    if (control?.isPaused && !stopRequested()) {
      epochs.flush(Date.now());
      batches.flush(Date.now());
      snapshot(Date.now());
      options.onStateChange?.('paused');
      await control.whenResumed();
      batches.resume(Date.now());
      takeLearningRate();
      if (!stopRequested()) options.onStateChange?.('running');
    }
    sliceStart = Date.now();
    clock.restart(sliceStart);
    return stopRequested();
  };

  /** The running phase's sums (its minibatches' losses, accuracies, confidently wrong rows) and the last loss, in one array sized once. */
  const sums = new Float64Array(4);
  /** The epoch's mean loss and accuracy of each phase, in the order of `phases`. */
  const means = new Float64Array(4);
  /**
   * Runs minibatches `first`, `first` + 1, … of a phase until it ends or the slice that began at `sliceStarted` is used up.
   * Returns the next minibatch, or −1 − step when the loss of minibatch `step` was not finite (sums[LAST_LOSS] holds it).
   * It is synchronous so that its numbers stay in registers: an async function keeps its variables on the heap.
   */
  const runSteps = (features: readonly Float64Array[], targets: readonly Float64Array[], training: boolean, first: number, sliceStarted: number): number => {
    for (let step = first; step < features.length; step++) {
      const x = features[step]!;
      const y = targets[step]!;
      const predictions = network.forward(x, batch);
      const lossInput = loss.fusedLayers === 1 ? network.inputOf(last) : predictions;
      const value = loss.reported(y, lossInput, batch, outputs);
      if (!Number.isFinite(value)) {
        sums[LAST_LOSS] = value;
        return -1 - step;
      }
      sums[LOSS_SUM] += value;
      sums[ACCURACY_SUM] += correctPredictions(y, predictions, batch, outputs) / batch;
      if (training) {
        sums[WRONG_ROWS] += confidentlyWrongRows(y, predictions, batch, outputs);
        loss.gradient(y, lossInput, lossGradient, batch, outputs, gradientScale);
        network.backward(lossGradient, batch, loss.fusedLayers, false);
        if (weightDecay > 0) {
          for (let i = 0; i < decayed.length; i++) kernels.addScaled(decayed[i]!.gradient, decayed[i]!.value, weightDecay, decayed[i]!.value.length);
        }
        optimizer.step();
        batchesDone++;
        control?.finished('batch');
      }
      sums[LAST_LOSS] = value;
      if (training) batches.pushFrom(sums, LAST_LOSS);
      if (control?.isPaused) return step + 1;
      if (clock.due()) {
        const now = clock.read();
        if (training) {
          batches.flushIfDue(now);
          if (options.onSnapshot && now - lastSnapshot >= snapshotInterval) snapshot(now);
        }
        if (now - sliceStarted >= slice) return step + 1;
      }
    }
    return features.length;
  };

  if (hyper.epochs === 0) return finish('completed', 'no epochs to run: the initial weights are kept');
  snapshot(sliceStart);
  for (let epoch = 1; epoch <= hyper.epochs; epoch++) {
    for (let p = 0; p < phases.length; p++) {
      const training = phases[p] === 'train';
      const { features, targets } = training ? minibatches.train : minibatches.test;
      const steps = features.length;
      network.setTraining(training);
      sums.fill(0);
      for (let step = 0; step < steps;) {
        step = runSteps(features, targets, training, step, sliceStart);
        if (step < 0) {
          return finish(
            'diverged',
            `the loss became ${sums[LAST_LOSS]} in epoch ${epoch}, minibatch ${-step} of the ${training ? 'training' : 'test'} phase; ${divergenceCause(hyper).advice}`,
          );
        }
        if ((Date.now() - sliceStart >= slice || control?.isPaused) && (await takeTurn())) return stopped();
      }
      means[2 * p] = sums[LOSS_SUM]! / steps;
      means[2 * p + 1] = sums[ACCURACY_SUM]! / steps;
      if (training) confidentlyWrong = sums[WRONG_ROWS]! / (steps * batch);
    }
    const metrics: EpochMetrics =
      phases.length === 2
        ? { epoch, trainLoss: means[0]!, trainAccuracy: means[1]!, testLoss: means[2]!, testAccuracy: means[3]! }
        : { epoch, trainLoss: means[0]!, trainAccuracy: means[1]! };
    history.push(metrics);
    parameterPath?.push(flattenParameters(network));
    options.onEpoch?.(metrics);
    const now = Date.now();
    epochs.add(metrics, now);
    if (epoch < hyper.epochs) control?.finished('epoch');
    // The host gets a turn at an epoch's end only when one is due, as within an epoch: tiny epochs would give hundreds a second.
    const turnDue = now - sliceStart >= slice || (control?.isPaused ?? false);
    if ((turnDue ? await takeTurn() : stopRequested()) && epoch < hyper.epochs) return stopped();
  }
  const cause = divergenceCause(hyper);
  const otherCause = cause.blames === 'learning rate' ? undefined : cause.advice;
  const warning = learningRateWarning({ history, guessingLoss: loss.guessingLoss(outputs), confidentlyWrong, otherCause });
  return finish('completed', warning ? `completed ${hyper.epochs} epochs, but ${warning}` : `completed ${hyper.epochs} epochs`);
}
