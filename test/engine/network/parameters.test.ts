// A network's parameters as one flat vector and back, and building every layer type.
import { describe, expect, it } from 'vitest';
import { buildNetwork } from '../../../engine/network/network.js';
import { flattenParameters, loadParameters } from '../../../engine/network/parameters.js';
import { createRandom } from '../../../engine/random.js';
import { parseSpecText } from '../../../engine/specText.js';

describe('flattened parameters', () => {
  it('lay out every Linear layer in spec order, W then b, and load back into another network', () => {
    const spec = parseSpecText('linear:3,tanh,dropout:0.5,linear:2,softmax', 4);
    const network = buildNetwork(spec, createRandom(1));
    const [W, b] = network.layers[0]!.parameters;
    b!.value.fill(7);
    const flat = flattenParameters(network);
    expect(flat.length).toBe(4 * 3 + 3 + 3 * 2 + 2);
    expect(flat.subarray(0, 12)).toEqual(W!.value);
    expect(Array.from(flat.subarray(12, 15))).toEqual([7, 7, 7]);
    const other = buildNetwork(spec, createRandom(2));
    loadParameters(other, flat);
    const x = Float64Array.from([1, -2, 0.5, 3]);
    expect(other.forward(x, 1)).toEqual(network.forward(x, 1));
  });

  it('builds a network of every layer type with the widths its spec gives', () => {
    const network = buildNetwork(
      parseSpecText('linear:5:he,leaky_relu:0.2,dropout:0.1,linear:4:exercise,tanh,relu,linear:3,sigmoid,softmax', 6),
      createRandom(3),
    );
    expect(network.layers.map((layer) => `${layer.type}:${layer.outputs}`)).toEqual([
      'linear:5',
      'leaky_relu:5',
      'dropout:5',
      'linear:4',
      'tanh:4',
      'relu:4',
      'linear:3',
      'sigmoid:3',
      'softmax:3',
    ]);
  });
});
