// A random direction in weight space, filter-normalised as in Li et al. 2018 ("Visualizing the Loss Landscape of Neural Nets"); pure, any process.
import type { Network } from '../network/network.js';
import { standardNormal, type Random } from '../random.js';

/**
 * A Gaussian direction in the layout of flattenParameters (every Linear layer in spec order, W row-major then b),
 * filter-normalised against the network's current weights: for each Linear layer, each filter — column u of W, the
 * weights feeding output unit u — is scaled to the norm of the same column of the network's W, so that the slice is
 * measured in units of each filter's own scale and layers of different scale compare. The bias entries are 0: the
 * paper's default ignores biases (and batch-norm parameters), keeping the slice in the weights where the scale
 * invariance it corrects for lives. A filter whose weights are all zero gets a zero direction.
 * The numbers are drawn from `random` in the flat order of the W entries.
 */
export function filterNormalisedDirection(network: Network, random: Random): Float64Array {
  const direction = new Float64Array(network.parameterCount);
  let offset = 0;
  for (const layer of network.linearLayers) {
    const { inputs, outputs: units, W } = layer;
    for (let i = 0; i < W.length; i++) direction[offset + i] = standardNormal(random);
    for (let unit = 0; unit < units; unit++) {
      let directionSquares = 0;
      let weightSquares = 0;
      for (let k = 0; k < inputs; k++) {
        directionSquares += direction[offset + k * units + unit]! ** 2;
        weightSquares += W[k * units + unit]! ** 2;
      }
      const scale = directionSquares > 0 ? Math.sqrt(weightSquares / directionSquares) : 0;
      for (let k = 0; k < inputs; k++) direction[offset + k * units + unit] = direction[offset + k * units + unit]! * scale;
    }
    offset += W.length + layer.b.length; // the bias entries stay 0
  }
  return direction;
}
