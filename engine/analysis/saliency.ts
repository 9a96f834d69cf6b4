// Input-gradient saliency: dLoss/dInput for one sample through the network's own backward pass; pure, any process.
import type { Loss } from '../losses/loss.js';
import type { Network } from '../network/network.js';

/**
 * The gradient of `loss` (its summed form, for this one sample with its true `target`) with respect to each input
 * feature, from a forward and a backward pass (a fused loss starts from the last layer's input). The parameters'
 * gradients are overwritten on the way.
 */
export function inputGradient(network: Network, loss: Loss, features: Float64Array, target: Float64Array): Float64Array {
  if (features.length !== network.inputs) throw new RangeError(`the sample has ${features.length} features but the network takes ${network.inputs}`);
  const width = network.outputs;
  const output = network.forward(features, 1);
  const lossInput = loss.fusedLayers === 1 ? network.inputOf(network.layers.length - 1) : output;
  const outputGradient = new Float64Array(width);
  loss.gradient(target, lossInput, outputGradient, 1, width, 1);
  return network.backward(outputGradient, 1, loss.fusedLayers).slice();
}

/** Saliency of each input feature for one sample: |dLoss/dInput|. */
export function inputSaliency(network: Network, loss: Loss, features: Float64Array, target: Float64Array): Float64Array {
  return inputGradient(network, loss, features, target).map(Math.abs);
}
