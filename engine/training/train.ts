// Minibatch training as the exercise's `fit` does it, time-sliced so the host stays responsive; pure, any process.
import type { PreparedData, Samples } from '../data/dataSets.js';
import type { Kernels } from '../kernels/kernels.js';
import { plainKernels } from '../kernels/plainKernels.js';
import { binaryCrossEntropyGradient, meanBinaryCrossEntropy } from '../losses/binaryCrossEntropy.js';
import type { Network } from '../network/network.js';
import { createSgd } from '../optimizers/sgd.js';
import type { EpochMetrics, FinishReason, Hyperparameters } from '../protocol.js';
import { yieldToEventLoop as defaultYield } from './yieldToEventLoop.js';

export interface TrainingOptions {
  network: Network;
  data: PreparedData;
  hyper: Pick<Hyperparameters, 'epochs' | 'learningRate' | 'batchSize' | 'reduction'>;
  kernels?: Kernels;
  /** Called after each epoch with its metrics (epochs count from 1). */
  onEpoch?: (metrics: EpochMetrics) => void;
  /** Asked after every yield and at every epoch's end; true ends the run with reason 'stopped'. */
  shouldStop?: () => boolean;
  /** Gives the host a turn; called at least every `sliceMilliseconds` of work. */
  yieldToEventLoop?: () => Promise<void>;
  sliceMilliseconds?: number;
}

export interface TrainingOutcome {
  reason: FinishReason;
  /** A sentence for the user. */
  message: string;
  history: EpochMetrics[];
}

/** The fraction of the batch's predictions that are right: (y > 0.5) == (p > 0.5) per element for one output, argmax per row for several. */
export function batchAccuracy(targets: Float64Array, predictions: Float64Array, rows: number, outputs: number): number {
  let correct = 0;
  if (outputs === 1) {
    for (let i = 0; i < rows; i++) if ((targets[i]! > 0.5) === (predictions[i]! > 0.5)) correct++;
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

function copyBatch(samples: Samples, step: number, batchSize: number, inputs: number, outputs: number, x: Float64Array, y: Float64Array): void {
  const featureStart = step * batchSize * inputs;
  for (let i = 0; i < x.length; i++) x[i] = samples.features[featureStart + i]!;
  const targetStart = step * batchSize * outputs;
  for (let i = 0; i < y.length; i++) y[i] = samples.targets[targetStart + i]!;
}

/**
 * Trains `network` on `data` like the exercise's `fit`: each epoch runs the training phase over the
 * floor(n / batch) full minibatches in order (no reshuffle), updating after each, then the test phase;
 * a phase's loss and accuracy are the means of the per-minibatch means. With reduction 'sum' the gradient is
 * that of the summed elementwise loss (the exercise); with 'mean' it is divided by the batch size.
 * Buffers are sized once per run. Ends 'diverged' when a minibatch's loss is NaN or infinite.
 */
export async function train(options: TrainingOptions): Promise<TrainingOutcome> {
  const { network, data, hyper } = options;
  const kernels = options.kernels ?? plainKernels;
  const giveTurn = options.yieldToEventLoop ?? defaultYield;
  const shouldStop = options.shouldStop ?? (() => false);
  const slice = options.sliceMilliseconds ?? 15;
  const { inputs, outputs } = data;
  const batch = hyper.batchSize;
  const x = new Float64Array(batch * inputs);
  const y = new Float64Array(batch * outputs);
  const outputGradient = new Float64Array(batch * outputs);
  const gradientScale = hyper.reduction === 'sum' ? 1 : 1 / batch;
  const optimizer = createSgd(hyper.learningRate, kernels);
  const parameters = network.parameters;
  const history: EpochMetrics[] = [];
  let sliceStart = Date.now();

  const stopped = (): TrainingOutcome => ({ reason: 'stopped', message: `stopped after ${history.length} of ${hyper.epochs} epochs`, history });

  for (let epoch = 1; epoch <= hyper.epochs; epoch++) {
    const means = { train: [0, 0], test: [0, 0] };
    for (const phase of ['train', 'test'] as const) {
      const samples = data[phase];
      const steps = Math.floor(samples.size / batch);
      let lossSum = 0;
      let accuracySum = 0;
      for (let step = 0; step < steps; step++) {
        copyBatch(samples, step, batch, inputs, outputs, x, y);
        const predictions = network.forward(x, batch);
        const loss = meanBinaryCrossEntropy(y, predictions, batch * outputs);
        if (!Number.isFinite(loss)) {
          return {
            reason: 'diverged',
            message: `the loss became ${loss} in epoch ${epoch}, minibatch ${step + 1} of the ${phase === 'train' ? 'training' : 'test'} phase; try a smaller learning rate`,
            history,
          };
        }
        lossSum += loss;
        accuracySum += batchAccuracy(y, predictions, batch, outputs);
        if (phase === 'train') {
          binaryCrossEntropyGradient(y, predictions, outputGradient, batch * outputs, gradientScale);
          network.backward(outputGradient, batch);
          optimizer.step(parameters);
        }
        if (Date.now() - sliceStart >= slice) {
          await giveTurn();
          sliceStart = Date.now();
          if (shouldStop()) return stopped();
        }
      }
      means[phase] = [lossSum / steps, accuracySum / steps];
    }
    const metrics: EpochMetrics = {
      epoch, trainLoss: means.train[0]!, trainAccuracy: means.train[1]!, testLoss: means.test[0]!, testAccuracy: means.test[1]!,
    };
    history.push(metrics);
    options.onEpoch?.(metrics);
    await giveTurn();
    sliceStart = Date.now();
    if (shouldStop() && epoch < hyper.epochs) return stopped();
  }
  return { reason: 'completed', message: `completed ${hyper.epochs} epochs`, history };
}
