// Runs exported ONNX models in ONNX Runtime (WebAssembly, in Node) and compares them with an independent forward pass.
import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-web';
import { encodeOnnxModel } from '../../../engine/export/onnx.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { createRandom } from '../../../engine/random.js';
import type { NetworkSpec } from '../../../engine/spec.js';
import { findTensor, type TrainedWeights } from '../../../engine/trainedWeights.js';
import { linearTensors } from '../support/linearTensors.js';

ort.env.wasm.numThreads = 1;

/** Weights with values drawn from a fixed linear congruential sequence (no engine code involved). */
function makeWeights(spec: NetworkSpec): TrainedWeights {
  let state = 12345;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  };
  let width = spec.input;
  const parameters: TrainedWeights['parameters'] = [];
  spec.layers.forEach((layer, index) => {
    if (layer.type !== 'linear') return;
    const W = Float64Array.from({ length: width * layer.units }, next);
    parameters.push(...linearTensors(index, width, layer.units, W, Float64Array.from({ length: layer.units }, next)));
    width = layer.units;
  });
  return { spec, parameters };
}

/** A plain forward pass written for this test: rows of x through each layer. */
function referenceForward(weights: TrainedWeights, x: Float64Array, rows: number): Float64Array {
  let current = x,
    width = weights.spec.input;
  weights.spec.layers.forEach((layer, index) => {
    if (layer.type === 'linear') {
      const W = findTensor(weights, index, 'W')!;
      const b = findTensor(weights, index, 'b')!.values;
      const units = W.shape[1]!;
      const out = new Float64Array(rows * units);
      for (let r = 0; r < rows; r++)
        for (let j = 0; j < units; j++) {
          let s = b[j]!;
          for (let k = 0; k < width; k++) s += current[r * width + k]! * W.values[k * units + j]!;
          out[r * units + j] = s;
        }
      current = out;
      width = units;
    } else if (layer.type === 'relu') current = current.map((v) => Math.max(0, v));
    else if (layer.type === 'leaky_relu') current = current.map((v) => (v > 0 ? v : (layer.alpha ?? 0.01) * v));
    else if (layer.type === 'sigmoid') current = current.map((v) => 1 / (1 + Math.exp(-v)));
    else if (layer.type === 'tanh') current = current.map(Math.tanh);
    else if (layer.type === 'softmax') {
      const out = new Float64Array(current.length);
      for (let r = 0; r < rows; r++) {
        const row = current.subarray(r * width, (r + 1) * width);
        const max = Math.max(...row);
        const exps = row.map((v) => Math.exp(v - max));
        const sum = exps.reduce((a, b) => a + b, 0);
        exps.forEach((e, j) => {
          out[r * width + j] = e / sum;
        });
      }
      current = out;
    }
  });
  return current;
}

describe('encodeOnnxModel', () => {
  const specs: Array<[string, NetworkSpec]> = [
    ['64-32-ReLU-1-Sigmoid', { input: 64, layers: [{ type: 'linear', units: 32 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }] }],
    [
      '64-32-16-8-1 with ReLUs',
      {
        input: 64,
        layers: [
          { type: 'linear', units: 32 },
          { type: 'relu' },
          { type: 'linear', units: 16 },
          { type: 'relu' },
          { type: 'linear', units: 8 },
          { type: 'relu' },
          { type: 'linear', units: 1 },
          { type: 'sigmoid' },
        ],
      },
    ],
    ['4-3 linear only', { input: 4, layers: [{ type: 'linear', units: 3 }] }],
    [
      '64-16-tanh-dropout-12-leaky-10-softmax',
      {
        input: 64,
        layers: [
          { type: 'linear', units: 16 },
          { type: 'tanh' },
          { type: 'dropout', rate: 0.5 },
          { type: 'linear', units: 12 },
          { type: 'leaky_relu', alpha: 0.25 },
          { type: 'linear', units: 10 },
          { type: 'softmax' },
        ],
      },
    ],
  ];
  for (const [name, spec] of specs) {
    it(`gives a model ONNX Runtime runs with the same outputs to 1e-12: ${name}`, async () => {
      const weights = makeWeights(spec);
      const session = await ort.InferenceSession.create(encodeOnnxModel(weights, 'test'));
      const rows = 5;
      const x = Float64Array.from({ length: rows * spec.input }, (_, i) => Math.sin(i * 0.37) * 2);
      const result = await session.run({ input: new ort.Tensor('float64', x, [rows, spec.input]) });
      const output = result.output!;
      const expected = referenceForward(weights, x, rows);
      expect(output.dims).toEqual([rows, expected.length / rows]);
      const got = output.data as Float64Array;
      for (let i = 0; i < expected.length; i++) expect(Math.abs(got[i]! - expected[i]!)).toBeLessThan(1e-12);
    });
  }

  it('refuses weights whose shapes do not match the network', () => {
    const spec: NetworkSpec = { input: 4, layers: [{ type: 'linear', units: 3 }] };
    const weights = makeWeights({ input: 5, layers: [{ type: 'linear', units: 3 }] });
    expect(() => encodeOnnxModel({ spec, parameters: weights.parameters }, 'test')).toThrow('layer 1 (linear) has 5×3 weights but the network needs 4×3 for W');
    expect(() => encodeOnnxModel({ spec, parameters: makeWeights(spec).parameters.slice(0, 1) }, 'test')).toThrow('the weights have no b for layer 1 (linear)');
  });

  it("writes one initializer per named tensor of a network, and the model matches the engine's forward pass", async () => {
    const spec: NetworkSpec = { input: 6, layers: [{ type: 'linear', units: 5 }, { type: 'tanh' }, { type: 'linear', units: 2 }, { type: 'softmax' }] };
    const network = buildNetwork(spec, createRandom(4));
    const session = await ort.InferenceSession.create(encodeOnnxModel(network.trainedWeights(), 'test'));
    const x = Float64Array.from({ length: 3 * 6 }, (_, i) => Math.cos(i * 0.61));
    const got = (await session.run({ input: new ort.Tensor('float64', x, [3, 6]) })).output!.data as Float64Array;
    const expected = network.forward(x, 3);
    for (let i = 0; i < expected.length; i++) expect(Math.abs(got[i]! - expected[i]!)).toBeLessThan(1e-12);
  });
});
