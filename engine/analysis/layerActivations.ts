// The output of every layer of a network for one sample, in order; pure, any process.
import type { Network } from '../network/network.js';

/** One layer's output for the traced sample: its index in the spec, its type, and a copy of its values. */
export interface LayerActivation {
  index: number;
  type: string;
  values: Float64Array;
}

/** Runs one sample (`features`, network.inputs values) through the network and copies each layer's output. */
export function layerActivations(network: Network, features: Float64Array): LayerActivation[] {
  if (features.length !== network.inputs) throw new RangeError(`the sample has ${features.length} features but the network takes ${network.inputs}`);
  const activations: LayerActivation[] = [];
  let values = features;
  network.layers.forEach((layer, index) => {
    values = layer.forward(values, 1);
    activations.push({ index, type: layer.type, values: values.slice() });
  });
  return activations;
}
