// Rebuilds a network from trained weights (its spec and every layer's named tensors), in evaluation mode; pure, any process.
import type { Kernels } from '../kernels/kernels.js';
import { defaultKernels } from '../kernels/defaultKernels.js';
import { loadTrainedWeights } from '../network/loadWeights.js';
import { buildNetwork, type Network } from '../network/network.js';
import { createRandom } from '../random.js';
import type { TrainedWeights } from '../trainedWeights.js';

/**
 * Builds `weights.spec`, copies each named tensor into the parameter of its layer and name, and puts the network in
 * evaluation mode (dropout is then the identity).
 * @throws NetworkSpecError when the spec's shapes do not fit; WeightsMismatchError when the tensors do not match the spec.
 */
export function networkFromWeights(weights: TrainedWeights, kernels: Kernels = defaultKernels): Network {
  const network = buildNetwork(weights.spec, createRandom(0), kernels);
  loadTrainedWeights(network, weights);
  network.setTraining(false);
  return network;
}
