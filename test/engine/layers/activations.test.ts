// The new layers' forward behaviour: initialisation schemes, leaky ReLU, tanh, a stable softmax, inverted dropout in both modes.
import { describe, expect, it } from 'vitest';
import { plainKernels } from '../../../engine/kernels/plainKernels.js';
import { Dropout } from '../../../engine/layers/dropout.js';
import { exerciseBound, heStandardDeviation, xavierBound } from '../../../engine/layers/initialisation.js';
import { Linear } from '../../../engine/layers/linear.js';
import { Softmax } from '../../../engine/layers/softmax.js';
import { buildLayer, buildNetwork } from '../../../engine/network/network.js';
import { createRandom } from '../../../engine/random.js';

const leakyRelu = (inputs: number, alpha?: number) =>
  buildLayer(alpha === undefined ? { type: 'leaky_relu' } : { type: 'leaky_relu', alpha }, [inputs], plainKernels, createRandom(0), createRandom(0));
const tanh = (inputs: number) => buildLayer({ type: 'tanh' }, [inputs], plainKernels, createRandom(0), createRandom(0));

function variance(values: Float64Array): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
}

describe('Linear initialisation', () => {
  it('keeps the default Glorot draws unchanged: the same weights as the explicit xavier scheme', () => {
    expect(new Linear(6, 4, plainKernels, createRandom(3)).W).toEqual(new Linear(6, 4, plainKernels, createRandom(3), 'xavier').W);
  });

  it("draws the exercise's scheme within ±√(6/(n_in·n_out)), far narrower than Glorot for 64×32", () => {
    const layer = new Linear(64, 32, plainKernels, createRandom(4), 'exercise');
    const bound = exerciseBound(64, 32);
    expect(bound).toBeCloseTo(Math.sqrt(6 / 2048), 15);
    expect(Math.max(...Array.from(layer.W, Math.abs))).toBeLessThanOrEqual(bound);
    expect(Math.max(...Array.from(layer.W, Math.abs))).toBeGreaterThan(0.95 * bound);
    expect(bound).toBeLessThan(xavierBound(64, 32) / 4);
  });

  it('draws He weights from a normal distribution with standard deviation √(2/n_in)', () => {
    const layer = new Linear(200, 100, plainKernels, createRandom(5), 'he');
    const expected = heStandardDeviation(200) ** 2;
    expect(Math.abs(variance(layer.W) - expected) / expected).toBeLessThan(0.05);
    const beyondTwoSigma = Array.from(layer.W).filter((v) => Math.abs(v) > 2 * Math.sqrt(expected)).length / layer.W.length;
    expect(beyondTwoSigma).toBeGreaterThan(0.035); // a normal has 4.6% beyond 2σ; a uniform of that variance has none
    expect(beyondTwoSigma).toBeLessThan(0.06);
  });
});

describe('activations', () => {
  it('leaky ReLU scales negative inputs by alpha (default 0.01)', () => {
    expect(Array.from(leakyRelu(3).forward(Float64Array.from([-2, 0, 3]), 1))).toEqual([-0.02, 0, 3]);
    expect(Array.from(leakyRelu(2, 0.5).forward(Float64Array.from([-2, 4]), 1))).toEqual([-1, 4]);
  });

  it('tanh maps to (−1, 1) and is odd', () => {
    const y = tanh(3).forward(Float64Array.from([-1, 0, 1]), 1);
    expect(y[0]).toBeCloseTo(-Math.tanh(1), 15);
    expect(y[1]).toBe(0);
    expect(y[2]).toBe(-y[0]!);
  });

  it('softmax gives rows that sum to 1 and stays finite for logits of ±1000', () => {
    const y = new Softmax(3).forward(Float64Array.from([1000, 1000, -1000, 1, 2, 3]), 2);
    expect(Array.from(y.subarray(0, 3))).toEqual([0.5, 0.5, 0]);
    const row = Array.from(y.subarray(3));
    expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 15);
    expect(row[2]! / row[1]!).toBeCloseTo(Math.E, 12);
  });
});

describe('Dropout', () => {
  const x = Float64Array.from({ length: 4000 }, (_, i) => 1 + (i % 3));

  it('passes values through in evaluation mode, the default', () => {
    const layer = new Dropout(4000, 0.5, createRandom(1));
    expect(layer.forward(x, 1)).toEqual(x);
    expect(layer.backward(x, x, 1)).toEqual(x);
  });

  it('zeroes about `rate` of the values in training and scales the rest by 1/(1 − rate), backward using the same mask', () => {
    const layer = new Dropout(4000, 0.25, createRandom(2));
    layer.setTraining(true);
    const y = layer.forward(x, 1);
    const zeroed = Array.from(y).filter((v) => v === 0).length / y.length;
    expect(Math.abs(zeroed - 0.25)).toBeLessThan(0.03);
    y.forEach((v, i) => {
      if (v !== 0) expect(v).toBeCloseTo(x[i]! / 0.75, 14);
    });
    const dx = layer.backward(
      x,
      Float64Array.from(x, () => 1),
      1,
    );
    dx.forEach((v, i) => expect(v === 0).toBe(y[i] === 0));
  });

  it('draws its masks from the seed given at build time, so two networks built alike drop alike', () => {
    const spec = {
      input: 3,
      layers: [
        { type: 'linear' as const, units: 50 },
        { type: 'dropout' as const, rate: 0.5 },
      ],
    };
    const outputs = [1, 1, 2].map((seed) => {
      const network = buildNetwork(spec, createRandom(seed));
      network.setTraining(true);
      return network.forward(Float64Array.from([1, 2, 3]), 1).slice();
    });
    expect(outputs[0]).toEqual(outputs[1]);
    expect(outputs[0]).not.toEqual(outputs[2]);
  });
});
