// Starting a network from saved weights: the spec must be the run's, every Linear layer's shape must match; pure, any process.
import type { NetworkSpec, TrainedWeights } from '../spec.js';
import { Linear } from '../layers/linear.js';
import type { Network } from './network.js';

/** Whether two specs describe the same network (layer fields compared by value, absent optional fields equal to absent). */
export function sameSpec(a: NetworkSpec, b: NetworkSpec): boolean {
  const normalise = (spec: NetworkSpec) => JSON.stringify({
    input: spec.input,
    layers: spec.layers.map((layer) => Object.fromEntries(Object.entries(layer).filter(([, v]) => v !== undefined).sort(([x], [y]) => x.localeCompare(y)))),
  });
  return normalise(a) === normalise(b);
}

/** Why `weights` cannot start `network`, or undefined when they can. */
export function weightsMismatch(network: Network, weights: TrainedWeights): string | undefined {
  if (!sameSpec(network.spec, weights.spec)) return 'the initial weights belong to another network (their spec differs from this run\'s)';
  for (const [index, layer] of network.layers.entries()) {
    if (!(layer instanceof Linear)) continue;
    const saved = weights.layers.find((entry) => entry.index === index);
    if (!saved) return `the initial weights have no values for layer ${index + 1} (linear)`;
    if (saved.W.length !== layer.W.length || saved.b.length !== layer.b.length) {
      return `the initial weights of layer ${index + 1} (linear) have ${saved.W.length} + ${saved.b.length} values; the layer needs ${layer.W.length} + ${layer.b.length}`;
    }
  }
  return undefined;
}

/**
 * Copies saved weights into the network's Linear layers.
 * @throws Error (see {@link weightsMismatch}) when they do not fit.
 */
export function loadTrainedWeights(network: Network, weights: TrainedWeights): void {
  const problem = weightsMismatch(network, weights);
  if (problem) throw new Error(problem);
  for (const [index, layer] of network.layers.entries()) {
    if (!(layer instanceof Linear)) continue;
    const saved = weights.layers.find((entry) => entry.index === index)!;
    layer.W.set(saved.W);
    layer.b.set(saved.b);
  }
}
