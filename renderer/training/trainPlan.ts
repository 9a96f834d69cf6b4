// The train.start a form describes (renderer): data source, network and hyperparameters checked together, and whether to record the path.
import type { DataSource, Hyperparameters, LossName } from '../../engine/protocol.js';
import type { NetworkSpec } from '../../engine/spec.js';
import { dataName, dataSourceOf, type DataInput } from './dataChoice.js';
import { validateHyperparameters, type FieldErrors, type HyperparameterInput } from './hyperparameterFields.js';
import type { NetworkOption } from './networkChoice.js';
import { summarizeNetwork } from './networkSummary.js';
import { runLabel } from './runHistory.js';

/** The engine keeps a parameter path of at most this many values (parameters × (epochs + 1)); larger runs train without it. */
export const MAX_PATH_VALUES = 5_000_000;

export interface TrainPlan {
  spec: NetworkSpec;
  dataSet: DataSource;
  hyper: Hyperparameters;
  recordPath: boolean;
  /** The run's name in the history and legends. */
  label: string;
}

export type PlanResult = { ok: true; plan: TrainPlan; errors: FieldErrors } | { ok: false; errors: FieldErrors };

/** Whether the engine will keep this run's parameters after every epoch (for the loss landscape's path). */
export function shouldRecordPath(spec: NetworkSpec, epochs: number): boolean {
  return summarizeNetwork(spec).totalParameters * (epochs + 1) <= MAX_PATH_VALUES;
}

/** The loss a run will use: the one chosen, else the engine's default for the last layer. */
export function lossOf(spec: NetworkSpec, chosen: LossName | 'default' | undefined): LossName {
  if (chosen && chosen !== 'default') return chosen;
  const last = spec.layers.at(-1)?.type;
  return last === 'softmax' ? 'cce' : last === 'sigmoid' ? 'bce' : 'mse';
}

export const LOSS_TITLES: Record<LossName, string> = {
  bce: 'Binary cross-entropy', cce: 'Categorical cross-entropy', mse: 'Mean squared error',
};

/** Checks the data and the hyperparameters; every message is keyed by its field. */
export function buildTrainPlan(data: DataInput, network: NetworkOption, input: HyperparameterInput, trainFraction: number | null): PlanResult {
  const source = dataSourceOf(data);
  const hyper = validateHyperparameters(input, trainFraction);
  const errors = { ...source.errors, ...hyper.errors };
  if (!source.ok || !hyper.ok) return { ok: false, errors };
  return {
    ok: true, errors,
    plan: {
      spec: network.spec,
      dataSet: source.source,
      hyper: hyper.value,
      recordPath: shouldRecordPath(network.spec, hyper.value.epochs),
      label: runLabel(dataName(data), network.name, hyper.value),
    },
  };
}
