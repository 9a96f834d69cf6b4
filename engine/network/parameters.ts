// A network's parameters as one flat vector (every layer's parameters in spec order, as the layer lists them) and back; pure, any process.
import type { Network } from './network.js';

/** A copy of every parameter in the network's order (by layer, then as the layer lists them: a Linear layer's W row-major, then its b); the named tensors of trainedWeights laid end to end. */
export function flattenParameters(network: Network): Float64Array {
  const flat = new Float64Array(network.parameterCount);
  copyParameters(network, flat);
  return flat;
}

/** Writes the flattened parameters into `flat` (parameterCount values) without allocating. */
export function copyParameters(network: Network, flat: Float64Array): void {
  let offset = 0;
  for (const parameter of network.parameters) {
    flat.set(parameter.value, offset);
    offset += parameter.value.length;
  }
}

/**
 * Sets the network's parameters from a vector laid out as {@link flattenParameters} gives it.
 * @throws Error when the length is not the network's parameter count.
 */
export function loadParameters(network: Network, flat: Float64Array): void {
  if (flat.length !== network.parameterCount) {
    throw new Error(`the parameter vector has ${flat.length} values but the network has ${network.parameterCount} parameters`);
  }
  let offset = 0;
  for (const parameter of network.parameters) {
    parameter.value.set(flat.subarray(offset, offset + parameter.value.length));
    offset += parameter.value.length;
  }
}
