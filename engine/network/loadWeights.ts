// Starting a network from saved weights: the spec must be the run's, and the tensors exactly its layers' parameters; pure, any process.
import type { NetworkSpec } from '../spec.js';
import { firstNonFinite, type NamedTensor, type TrainedWeights } from '../trainedWeights.js';
import type { Network } from './network.js';
import { issueField, matchLayout, networkLayout } from './parameterLayout.js';

/** Whether two specs describe the same network (layer fields compared by value, absent optional fields equal to absent). */
export function sameSpec(a: NetworkSpec, b: NetworkSpec): boolean {
  const normalise = (spec: NetworkSpec) =>
    JSON.stringify({
      input: spec.input,
      inputShape: spec.inputShape ?? [spec.input],
      layers: spec.layers.map((layer) =>
        Object.fromEntries(
          Object.entries(layer)
            .filter(([, v]) => v !== undefined)
            .sort(([x], [y]) => x.localeCompare(y)),
        ),
      ),
    });
  return normalise(a) === normalise(b);
}

/** Why saved weights cannot start a network; `field` is the path within the weights ("spec", "parameters", "parameters.2.shape"). */
export interface WeightsMismatch {
  field: string;
  message: string;
}

/** Thrown by {@link loadTrainedWeights}; `field` is the path within the weights at fault. */
export class WeightsMismatchError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'WeightsMismatchError';
  }
}

/** The saved tensors in the network's order, or why they do not fit it. */
function fitTensors(network: Network, weights: TrainedWeights): { tensors: NamedTensor[] } | { mismatch: WeightsMismatch } {
  if (!sameSpec(network.spec, weights.spec))
    return { mismatch: { field: 'spec', message: "the initial weights belong to another network (their spec differs from this run's)" } };
  const matched = matchLayout(network.spec, networkLayout(network), weights.parameters);
  if ('issue' in matched) return { mismatch: { field: issueField(matched.issue, 'parameters'), message: matched.issue.message } };
  const bad = firstNonFinite(weights);
  if (bad) {
    const { tensor, tensorIndex, place, value } = bad;
    return {
      mismatch: {
        field: `parameters.${tensorIndex}.values`,
        message: `layer ${tensor.layer + 1}'s ${tensor.name} holds ${value} at ${place}; weights must be finite numbers`,
      },
    };
  }
  return matched;
}

/** Why `weights` cannot start `network`, or undefined when they can. */
export function weightsMismatch(network: Network, weights: TrainedWeights): WeightsMismatch | undefined {
  const fitted = fitTensors(network, weights);
  return 'mismatch' in fitted ? fitted.mismatch : undefined;
}

/**
 * Copies saved weights into the network's parameters, each named tensor into the parameter of its layer and name.
 * @throws WeightsMismatchError (see {@link weightsMismatch}) when they do not fit.
 */
export function loadTrainedWeights(network: Network, weights: TrainedWeights): void {
  const fitted = fitTensors(network, weights);
  if ('mismatch' in fitted) throw new WeightsMismatchError(fitted.mismatch.field, fitted.mismatch.message);
  network.parameters.forEach((parameter, i) => parameter.value.set(fitted.tensors[i]!.values));
}
