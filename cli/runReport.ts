// The report of a training run as the CLI prints it with --json and saves it as metrics.json (Node, the CLI process).
import type { FinishReason, TrainFinished } from '../engine/protocol/training.js';
import type { EpochMetrics } from '../engine/training/epochMetrics.js';
import type { Hyperparameters } from '../engine/training/hyperparameters.js';
import type { NetworkSpec } from '../engine/spec.js';
import { formatSpecText } from '../engine/specText.js';
import type { ClassRow } from './classTable.js';

/** One epoch with snake_case names, as in metrics.csv; the test figures are absent for a run without a test set. */
export interface EpochRow {
  epoch: number;
  train_loss: number;
  train_accuracy: number;
  test_loss?: number;
  test_accuracy?: number;
}

export interface RunReport {
  data: string;
  net: string;
  spec: NetworkSpec;
  hyperparameters: {
    epochs: number;
    learning_rate: number;
    batch_size: number;
    reduction: string;
    train_fraction: number;
    seed: number;
    loss: string;
    optimizer: TrainFinished['settings']['optimizer'];
    decay: number;
    weight_decay: number;
    normalisation: string;
    /** Features appended to two-feature data (x2, y2, xy, sinx, siny); absent when none were. */
    extra_features?: string[];
  };
  train_size: number;
  test_size: number;
  parameter_count: number;
  reason: FinishReason;
  message: string;
  /** What went wrong (one class for every sample, dead ReLU layers), each a sentence with its likely cause. */
  diagnoses: string[];
  /** Seconds the engine spent on the run. */
  seconds: number;
  /**
   * The data's rows (counted from 0 in the source's order) on each side of the split, in training order; for image files,
   * which keep their own split, `files` names the training and test files the rows count in.
   */
  split: { train: number[]; test: number[]; files?: { train: string; test: string } };
  history: EpochRow[];
  /** For image data: each class by name with its test samples and the share of them predicted right. */
  classes?: ClassRow[];
}

export function toEpochRow(m: EpochMetrics): EpochRow {
  const row: EpochRow = { epoch: m.epoch, train_loss: m.trainLoss, train_accuracy: m.trainAccuracy };
  if (m.testLoss !== undefined) row.test_loss = m.testLoss;
  if (m.testAccuracy !== undefined) row.test_accuracy = m.testAccuracy;
  return row;
}

/** The report of a finished run, with the settings the engine really used (defaults filled in). */
export function buildRunReport(input: {
  dataName: string;
  spec: NetworkSpec;
  hyper: Hyperparameters;
  trainSize: number;
  testSize: number;
  parameterCount: number;
  finished: TrainFinished;
  classes?: ClassRow[];
}): RunReport {
  const { hyper, finished } = input;
  return {
    data: input.dataName,
    net: formatSpecText(input.spec),
    spec: input.spec,
    hyperparameters: {
      epochs: hyper.epochs,
      learning_rate: hyper.learningRate,
      batch_size: hyper.batchSize,
      reduction: hyper.reduction,
      train_fraction: hyper.trainFraction,
      seed: finished.settings.seed,
      loss: finished.settings.loss,
      optimizer: finished.settings.optimizer,
      decay: hyper.decay ?? 1,
      weight_decay: hyper.weightDecay ?? 0,
      normalisation: finished.settings.normalisation,
      ...(hyper.extraFeatures?.length ? { extra_features: hyper.extraFeatures } : {}),
    },
    train_size: input.trainSize,
    test_size: input.testSize,
    parameter_count: input.parameterCount,
    reason: finished.reason,
    message: finished.message,
    diagnoses: finished.diagnoses.map((d) => d.message),
    seconds: finished.seconds,
    split: {
      train: Array.from(finished.split.train),
      test: Array.from(finished.split.test),
      ...(finished.split.files ? { files: finished.split.files } : {}),
    },
    history: finished.history.map(toEpochRow),
    ...(input.classes ? { classes: input.classes } : {}),
  };
}
