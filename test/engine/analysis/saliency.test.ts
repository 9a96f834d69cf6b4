// Input-gradient saliency through the network's backward pass, checked against central differences of the loss.
import { describe, expect, it } from 'vitest';
import { inputGradient, inputSaliency } from '../../../engine/analysis/saliency.js';
import { checkGradient } from '../../../engine/gradcheck/checkGradient.js';
import { createLoss } from '../../../engine/losses/createLoss.js';
import { buildNetwork } from '../../../engine/network/network.js';
import type { LossName } from '../../../engine/losses/lossNames.js';
import { createRandom } from '../../../engine/random.js';
import { parseSpecText } from '../../../engine/specText.js';

function randomVector(length: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length }, () => random.next() * 4 - 2);
}

const cases: { net: string; loss: LossName; target: number[] }[] = [
  { net: 'linear:6,relu,linear:1,sigmoid', loss: 'bce', target: [1] },
  { net: 'linear:6,tanh,linear:5,leaky_relu:0.1,linear:3,softmax', loss: 'cce', target: [0, 0, 1] },
  { net: 'linear:5,sigmoid,dropout:0.5,linear:2', loss: 'mse', target: [0.3, -1] },
];

describe('inputGradient', () => {
  for (const { net, loss: lossName, target } of cases) {
    it(`matches central differences of the ${lossName} loss for ${net}`, () => {
      const network = buildNetwork(parseSpecText(net, 7), createRandom(3));
      network.setTraining(false);
      const loss = createLoss(lossName);
      const y = Float64Array.from(target);
      const lossOf = (x: Float64Array): number => {
        const output = network.forward(x, 1);
        const input = loss.fusedLayers === 1 ? network.inputOf(network.layers.length - 1) : output;
        return loss.total(y, input, 1, y.length);
      };
      const check = checkGradient(lossOf, (x) => inputGradient(network, loss, x, y), randomVector(7, 11));
      expect(check.relativeError).toBeLessThan(1e-6);
      expect(check.error).toBeGreaterThanOrEqual(0);
    });
  }

  it('gives the magnitudes as saliency', () => {
    const network = buildNetwork(parseSpecText('linear:4,tanh,linear:1,sigmoid', 5), createRandom(8));
    const x = randomVector(5, 2);
    const y = Float64Array.from([0]);
    const gradient = inputGradient(network, createLoss('bce'), x, y);
    expect(gradient.some((value) => value < 0)).toBe(true);
    expect([...inputSaliency(network, createLoss('bce'), x, y)]).toEqual([...gradient].map(Math.abs));
  });
});
