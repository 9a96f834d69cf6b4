// The train.start a form describes (renderer): data source, network and hyperparameters checked together, and whether to record the path.
import type { DataSource } from '../../engine/data/dataSource.js';
import type { ExtraFeature } from '../../engine/data/extraFeatures.js';
import { MAX_PATH_VALUES } from '../../engine/limits.js';
import type { LossName } from '../../engine/losses/lossNames.js';
import { defaultLossFor } from '../../engine/losses/lossRules.js';
import type { Hyperparameters } from '../../engine/training/hyperparameters.js';
import type { NetworkSpec } from '../../engine/spec.js';
import { dataName, dataSourceOf, type DataInput } from './dataChoice.js';
import { validateHyperparameters, type FieldErrors, type HyperparameterInput } from './hyperparameterFields.js';
import type { NetworkOption } from './networkChoice.js';
import { summarizeNetwork } from './networkSummary.js';
import { runLabel } from '../models/runHistory.js';

export interface TrainPlan {
  spec: NetworkSpec;
  dataSet: DataSource;
  hyper: Hyperparameters;
  recordPath: boolean;
  /** Ask the engine for the network's output over the plane (two-feature data). */
  boundary: boolean;
  /** The run's name in the history and legends. */
  label: string;
}

export type PlanResult = { ok: true; plan: TrainPlan; errors: FieldErrors } | { ok: false; errors: FieldErrors };

/** Whether the engine will keep this run's parameters after every epoch (for the loss landscape's path). */
export function shouldRecordPath(spec: NetworkSpec, epochs: number): boolean {
  const parameters = summarizeNetwork(spec).totalParameters;
  return parameters !== undefined && parameters * (epochs + 1) <= MAX_PATH_VALUES;
}

/** The loss a run will use: the one chosen, else the engine's default for the last layer. */
export function lossOf(spec: NetworkSpec, chosen: LossName | 'default' | undefined): LossName {
  return chosen && chosen !== 'default' ? chosen : defaultLossFor(spec);
}

/**
 * Checks the data and the hyperparameters; every message is keyed by its field. `plane` is set for two-feature data:
 * its extra features go with the hyperparameters, and the run sends its decision boundary.
 */
export function buildTrainPlan(
  data: DataInput,
  network: NetworkOption,
  input: HyperparameterInput,
  trainFraction: number | null,
  plane: { extraFeatures: readonly ExtraFeature[] } | null = null,
): PlanResult {
  const source = dataSourceOf(data);
  const hyper = validateHyperparameters(input, trainFraction);
  const errors = { ...source.errors, ...hyper.errors };
  if (!source.ok || !hyper.ok) return { ok: false, errors };
  const extraFeatures = plane?.extraFeatures.length ? { extraFeatures: [...plane.extraFeatures] } : {};
  return {
    ok: true,
    errors,
    plan: {
      spec: network.spec,
      dataSet: source.source,
      hyper: { ...hyper.value, ...extraFeatures },
      recordPath: shouldRecordPath(network.spec, hyper.value.epochs),
      boundary: plane !== null,
      label: runLabel(dataName(data), network.name, hyper.value),
    },
  };
}
