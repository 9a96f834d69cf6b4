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
  const weightMatrices = network.parameters.filter((parameter) => parameter.name === 'W');
  // give the layers very different scales, which the normalisation must follow
  weightMatrices[1]!.value.forEach((value, i, W) => {
    W[i] = value * 40;
  });

  it('gives each filter (the weights feeding one unit) the norm of the same filter of the weights', () => {
    const direction = filterNormalisedDirection(network, createRandom(5));
    expect(direction).toHaveLength(network.parameterCount);
    expect(network.parameters.map((parameter) => [parameter.name, parameter.filterAxis])).toEqual([
      ['W', 1],
      ['b', undefined],
      ['W', 1],
      ['b', undefined],
      ['W', 1],
      ['b', undefined],
    ]);
    let offset = 0;
    for (const parameter of network.parameters) {
      const part = direction.subarray(offset, offset + parameter.value.length);
      if (parameter.filterAxis === undefined) {
        expect([...part]).toEqual(new Array(parameter.value.length).fill(0));
      } else {
        const [inputs, units] = parameter.shape as [number, number];
        for (let unit = 0; unit < units; unit++) {
          const expected = columnNorm(parameter.value, inputs, units, unit);
          expect(Math.abs(columnNorm(part, inputs, units, unit) - expected)).toBeLessThan(1e-12 * expected);
        }
      }
      offset += parameter.value.length;
    }
  });

  it('points somewhere other than the weights themselves, and the same seed gives the same direction', () => {
    const first = filterNormalisedDirection(network, createRandom(5));
    expect(filterNormalisedDirection(network, createRandom(5))).toEqual(first);
    expect(filterNormalisedDirection(network, createRandom(6))).not.toEqual(first);
    const W = weightMatrices[0]!.value;
    expect([...first.subarray(0, W.length)]).not.toEqual([...W]);
  });
});
