// Rebuilds a network from trained weights (its spec and each Linear layer's W and b), in evaluation mode; pure, any process.
import type { Kernels } from '../kernels/kernels.js';
import { defaultKernels } from '../kernels/defaultKernels.js';
import { loadTrainedWeights } from '../network/loadWeights.js';
import { buildNetwork, type Network } from '../network/network.js';
import { createRandom } from '../random.js';
import type { TrainedWeights } from '../spec.js';

/**
 * Builds `weights.spec`, copies each LinearParameters' W and b into the Linear layer at its index, and puts the
 * network in evaluation mode (dropout is then the identity).
 * @throws NetworkSpecError when the spec's shapes do not fit; Error when the parameters do not match the spec.
 */
export function networkFromWeights(weights: TrainedWeights, kernels: Kernels = defaultKernels): Network {
  const network = buildNetwork(weights.spec, createRandom(0), kernels);
  if (weights.layers.length !== network.linearLayers.length) {
    throw new Error(`the spec has ${network.linearLayers.length} linear layers but the weights hold ${weights.layers.length}`);
  }
  loadTrainedWeights(network, weights);
  network.setTraining(false);
  return network;
}
