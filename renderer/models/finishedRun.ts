// What the renderer keeps of a finished training run (renderer): enough to analyse it, overlay it, and export it later.
import type { DataSource } from '../../engine/data/dataSource.js';
import type { FinishReason, TrainFinished } from '../../engine/protocol/training.js';
import type { EpochMetrics } from '../../engine/training/epochMetrics.js';
import type { Hyperparameters } from '../../engine/training/hyperparameters.js';
import type { NetworkSpec } from '../../engine/spec.js';
import type { TrainedWeights } from '../../engine/trainedWeights.js';

export interface FinishedRun {
  runId: string;
  /** A short name for legends, e.g. "64-32-ReLU-1-Sigmoid, lr 0.01, seed 1". */
  label: string;
  spec: NetworkSpec;
  dataSet: DataSource;
  hyper: Hyperparameters;
  reason: FinishReason;
  message: string;
  history: EpochMetrics[];
  weights: TrainedWeights;
  settings: TrainFinished['settings'];
  /** The flattened parameters before training and after each epoch, when the run recorded them. */
  parameterPath?: Float64Array[] | undefined;
  /** The data's rows on each side of the split (absent for runs opened from a project saved before they were recorded). */
  split?: TrainFinished['split'] | undefined;
  /** Seconds the engine spent on the run (absent as for split). */
  seconds?: number | undefined;
  /** What went wrong, as the engine found it. */
  diagnoses?: TrainFinished['diagnoses'] | undefined;
}

/** What the renderer knows of a run when it starts it. */
export interface StartedRun {
  runId: string;
  label: string;
  spec: NetworkSpec;
  dataSet: DataSource;
  hyper: Hyperparameters;
}

/** The record of a run: what it was started with and what the engine reported at its end. */
export function finishedRunOf(started: StartedRun, event: TrainFinished): FinishedRun {
  return {
    ...started,
    reason: event.reason,
    message: event.message,
    history: event.history,
    weights: event.weights,
    settings: event.settings,
    parameterPath: event.parameterPath,
    split: event.split,
    seconds: event.seconds,
    diagnoses: event.diagnoses,
  };
}

/** The last epoch's test accuracy, if any epoch finished and the run had a test set. */
export function finalTestAccuracy(run: Pick<FinishedRun, 'history'>): number | undefined {
  return run.history.at(-1)?.testAccuracy;
}
