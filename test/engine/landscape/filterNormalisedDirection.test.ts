// Random directions filter-normalised as in Li et al. 2018: each filter scaled to the norm of the trained filter, biases left out.
import { describe, expect, it } from 'vitest';
import { filterNormalisedDirection } from '../../../engine/landscape/filterNormalisedDirection.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { createRandom } from '../../../engine/random.js';
import { parseSpecText } from '../../../engine/specText.js';

const columnNorm = (W: Float64Array, inputs: number, units: number, unit: number): number =>
  Math.sqrt(Array.from({ length: inputs }, (_, k) => W[k * units + unit]! ** 2).reduce((a, b) => a + b, 0));

describe('filterNormalisedDirection', () => {
  const network = buildNetwork(parseSpecText('linear:6,relu,linear:4,tanh,linear:2', 9), createRandom(12));
  // give the layers very different scales, which the normalisation must follow
  network.linearLayers[1]!.W.forEach((value, i, W) => { W[i] = value * 40; });

  it('gives each filter (the weights feeding one unit) the norm of the same filter of the weights', () => {
    const direction = filterNormalisedDirection(network, createRandom(5));
    expect(direction).toHaveLength(network.parameterCount);
    let offset = 0;
    for (const layer of network.linearLayers) {
      const part = direction.subarray(offset, offset + layer.W.length);
      for (let unit = 0; unit < layer.outputs; unit++) {
        const expected = columnNorm(layer.W, layer.inputs, layer.outputs, unit);
        expect(Math.abs(columnNorm(part, layer.inputs, layer.outputs, unit) - expected)).toBeLessThan(1e-12 * expected);
      }
      expect([...direction.subarray(offset + layer.W.length, offset + layer.W.length + layer.b.length)]).toEqual(new Array(layer.b.length).fill(0));
      offset += layer.W.length + layer.b.length;
    }
  });

  it('points somewhere other than the weights themselves, and the same seed gives the same direction', () => {
    const first = filterNormalisedDirection(network, createRandom(5));
    expect(filterNormalisedDirection(network, createRandom(5))).toEqual(first);
    expect(filterNormalisedDirection(network, createRandom(6))).not.toEqual(first);
    const W = network.linearLayers[0]!.W;
    expect([...first.subarray(0, W.length)]).not.toEqual([...W]);
  });
});
