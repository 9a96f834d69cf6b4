// A random direction in weight space, filter-normalised as in Li et al. 2018 ("Visualizing the Loss Landscape of Neural Nets"); pure, any process.
import type { Parameter } from '../layers/layer.js';
import type { Network } from '../network/network.js';
import { standardNormal, type Random } from '../random.js';

/**
 * A Gaussian direction in the layout of flattenParameters (every parameter in the network's order), filter-normalised
 * against the network's current weights: for each parameter with a filter axis, each filter — the values feeding one
 * output unit, such as column u of a Linear layer's W — is scaled to the norm of the same filter of the network's
 * values, so that the slice is measured in units of each filter's own scale and layers of different scale compare. The
 * entries of parameters without a filter axis (biases) are 0: the paper's default ignores biases (and batch-norm
 * parameters), keeping the slice in the weights where the scale invariance it corrects for lives. A filter whose
 * weights are all zero gets a zero direction. The numbers are drawn from `random` in the flat order of the weights.
 */
export function filterNormalisedDirection(network: Network, random: Random): Float64Array {
  const direction = new Float64Array(network.parameterCount);
  let offset = 0;
  for (const parameter of network.parameters) {
    if (parameter.filterAxis !== undefined)
      normaliseFilters(direction.subarray(offset, offset + parameter.value.length), parameter, parameter.filterAxis, random);
    offset += parameter.value.length;
  }
  return direction;
}

/** Fills `out` with Gaussian draws, then scales each filter (a fixed index along `axis`) to the norm of the parameter's own. */
function normaliseFilters(out: Float64Array, parameter: Parameter, axis: number, random: Random): void {
  const { shape, value } = parameter;
  const filters = shape[axis]!;
  const stride = shape.slice(axis + 1).reduce((size, dimension) => size * dimension, 1);
  const filterOf = (i: number) => Math.floor(i / stride) % filters;
  const directionSquares = new Float64Array(filters);
  const weightSquares = new Float64Array(filters);
  for (let i = 0; i < out.length; i++) out[i] = standardNormal(random);
  for (let i = 0; i < out.length; i++) {
    const filter = filterOf(i);
    directionSquares[filter] = directionSquares[filter]! + out[i]! ** 2;
    weightSquares[filter] = weightSquares[filter]! + value[i]! ** 2;
  }
  const scales = directionSquares.map((squares, filter) => (squares > 0 ? Math.sqrt(weightSquares[filter]! / squares) : 0));
  for (let i = 0; i < out.length; i++) out[i] = out[i]! * scales[filterOf(i)]!;
}
