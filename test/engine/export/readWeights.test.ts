// Tests reading weights back: exact round trips through weights.json and weights.npz by named tensor, version 1 files, and every malformed-file message.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import { encodeNpy } from '../../../engine/export/npy.js';
import { encodeWeightsNpz } from '../../../engine/export/npz.js';
import { decodeNpy, decodeWeightsNpz, fromWeightsDocument, npzTensors, weightsDocumentTensors } from '../../../engine/export/readWeights.js';
import { toWeightsDocument, weightsJsonText } from '../../../engine/export/weightsJson.js';
import { loadTrainedWeights, weightsMismatch } from '../../../engine/network/loadWeights.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { createRandom } from '../../../engine/random.js';
import type { NetworkSpec } from '../../../engine/spec.js';
import { parseSpecText } from '../../../engine/specText.js';
import type { TrainedWeights } from '../../../engine/trainedWeights.js';
import { gainLayerFactory } from '../support/gainLayer.js';
import { linearTensors } from '../support/linearTensors.js';

/** weights.json and weights.npz as the lab wrote them in version 1: `train --data iris --epochs 2 --seed 1`. */
const V1_WEIGHTS = new URL('../fixtures/weights-v1.json', import.meta.url);
const V1_NPZ = new URL('../fixtures/weights-v1.npz', import.meta.url);

const spec: NetworkSpec = { input: 3, layers: [{ type: 'linear', units: 2 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }] };
/** Values that stress a text round trip: tiny, huge, negative zero, many digits. */
const weights: TrainedWeights = {
  spec,
  parameters: [
    ...linearTensors(0, 3, 2, Float64Array.of(0.1, -1 / 3, 1e-300, 123456789.123456789, -0, Math.PI), Float64Array.of(2 ** -40, -7)),
    ...linearTensors(2, 2, 1, Float64Array.of(Math.E, -Number.MIN_VALUE), Float64Array.of(0.30000000000000004)),
  ],
};

const sameBits = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe('reading weights', () => {
  it('round-trips weights.json exactly, bit for bit', () => {
    const back = fromWeightsDocument(JSON.parse(weightsJsonText(weights)));
    expect(back.spec).toEqual(spec);
    expect(back.parameters.map((tensor) => [tensor.layer, tensor.name, tensor.shape])).toEqual(
      weights.parameters.map((tensor) => [tensor.layer, tensor.name, tensor.shape]),
    );
    back.parameters.forEach((tensor, i) => expect(sameBits(tensor.values, weights.parameters[i]!.values)).toBe(true));
  });

  it('round-trips weights.npz exactly', () => {
    const back = decodeWeightsNpz(encodeWeightsNpz(weights), spec);
    back.parameters.forEach((tensor, i) => expect(sameBits(tensor.values, weights.parameters[i]!.values)).toBe(true));
  });

  it('reads float32 arrays and 1-d shapes', () => {
    const bytes = encodeNpy(Float64Array.of(1, 2), [2]);
    expect(decodeNpy(bytes)).toEqual({ shape: [2], values: Float64Array.of(1, 2) });
  });

  it('writes a non-finite weight as null and refuses it when read back', () => {
    const diverged = { ...weights, parameters: weights.parameters.map((tensor, i) => (i === 1 ? { ...tensor, values: Float64Array.of(NaN, 1) } : tensor)) };
    expect(() => fromWeightsDocument(JSON.parse(weightsJsonText(diverged)))).toThrow('parameters.1.values.0: not a finite number (did the run diverge?)');
  });

  it('refuses a file that is not a weights document, naming what is wrong', () => {
    expect(() => fromWeightsDocument({ format: 'something-else' })).toThrow('not a Backprop Lab weights file');
    const document = toWeightsDocument(weights);
    (document.parameters[0]!.values as number[][])[1] = [1];
    expect(() => fromWeightsDocument(document)).toThrow('parameters.0.values.1: must be a list of 2 numbers (the shape is 3×2)');
    const version1 = JSON.parse(readFileSync(V1_WEIGHTS, 'utf8'));
    version1.layers[0].W[1] = [1];
    expect(() => fromWeightsDocument(version1)).toThrow('layer 1: W must be 4 rows of 32 numbers');
  });

  it('refuses weights that do not fit the network', () => {
    const other: NetworkSpec = { input: 4, layers: [{ type: 'linear', units: 2 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }] };
    expect(() => decodeWeightsNpz(encodeWeightsNpz(weights), other)).toThrow('layer 1 (linear) has 3×2 weights but the network needs 4×2');
    const missing: NetworkSpec = { ...spec, layers: [...spec.layers, { type: 'linear', units: 1 }] };
    expect(() => decodeWeightsNpz(encodeWeightsNpz(weights), missing)).toThrow('the weights have no parameters for layer 5 (linear)');
  });

  it('refuses a file that is not an npz, an npz without weights, and a cut-short array', () => {
    expect(() => decodeWeightsNpz(new TextEncoder().encode('hello'), spec)).toThrow('not a valid .npz file');
    expect(() => decodeWeightsNpz(zipSync({ 'x.npy': encodeNpy(Float64Array.of(1), [1]) }), spec)).toThrow('holds no layer{i}_W arrays');
    const cut = encodeNpy(Float64Array.of(1, 2, 3), [3]).subarray(0, -8);
    expect(() => decodeNpy(cut, 'layer0_b')).toThrow('layer0_b is cut short');
  });
});

describe('weights files by named tensor', () => {
  it('writes version 2: every parameter with its layer, name and shape, the values nested by the shape', () => {
    const document = JSON.parse(weightsJsonText(weights));
    expect(document).toMatchObject({ format: 'backprop-lab-weights', version: 2, spec });
    expect(document.parameters.map((tensor: { layer: number; name: string; shape: number[] }) => [tensor.layer, tensor.name, tensor.shape])).toEqual([
      [0, 'W', [3, 2]],
      [0, 'b', [2]],
      [2, 'W', [2, 1]],
      [2, 'b', [1]],
    ]);
    expect(document.parameters[0].values).toEqual([
      [0.1, -1 / 3],
      [1e-300, 123456789.123456789],
      [-0, Math.PI],
    ]);
    expect(toWeightsDocument(weights)).toEqual(document);
  });

  it('names the .npz entries layer{i}_W (inputs×units) and layer{i}_b (units) for Linear layers', () => {
    const entries = unzipSync(encodeWeightsNpz(weights));
    expect(Object.keys(entries).sort()).toEqual(['layer0_W.npy', 'layer0_b.npy', 'layer2_W.npy', 'layer2_b.npy']);
    expect(decodeNpy(entries['layer0_W.npy']!).shape).toEqual([3, 2]);
    expect(decodeNpy(entries['layer0_b.npy']!).shape).toEqual([2]);
    expect(decodeNpy(entries['layer2_W.npy']!).shape).toEqual([2, 1]);
  });

  it('reads a version 1 weights.json and weights.npz written by an earlier lab, every value bit for bit', () => {
    const text = readFileSync(V1_WEIGHTS, 'utf8');
    const version1 = JSON.parse(text) as { layers: Array<{ index: number; W: number[][]; b: number[] }> };
    const read = fromWeightsDocument(JSON.parse(text));
    expect(read.spec).toEqual({ input: 4, layers: [{ type: 'linear', units: 32 }, { type: 'relu' }, { type: 'linear', units: 3 }, { type: 'softmax' }] });
    expect(read.parameters.map((tensor) => [tensor.layer, tensor.name, tensor.shape])).toEqual([
      [0, 'W', [4, 32]],
      [0, 'b', [32]],
      [2, 'W', [32, 3]],
      [2, 'b', [3]],
    ]);
    version1.layers.forEach((layer, i) => {
      expect(sameBits(read.parameters[2 * i]!.values, Float64Array.from(layer.W.flat()))).toBe(true);
      expect(sameBits(read.parameters[2 * i + 1]!.values, Float64Array.from(layer.b))).toBe(true);
    });
    const fromNpz = decodeWeightsNpz(new Uint8Array(readFileSync(V1_NPZ)), read.spec);
    fromNpz.parameters.forEach((tensor, i) => expect(sameBits(tensor.values, read.parameters[i]!.values)).toBe(true));
    const again = fromWeightsDocument(JSON.parse(weightsJsonText(read)));
    again.parameters.forEach((tensor, i) => expect(sameBits(tensor.values, read.parameters[i]!.values)).toBe(true));
  });

  it('exports and loads back a layer whose parameters are neither W nor b, of any rank, without knowing their names', () => {
    const gainSpec = parseSpecText('linear:3,tanh,linear:2,sigmoid', 4);
    const trained = buildNetwork(gainSpec, createRandom(1), undefined, gainLayerFactory(7));
    const saved = trained.trainedWeights();
    expect(saved.parameters.map((tensor) => [tensor.layer, tensor.name, tensor.shape])).toEqual([
      [0, 'W', [4, 3]],
      [0, 'b', [3]],
      [1, 'gain', [3]],
      [1, 'offset', [2, 3, 3]],
      [2, 'W', [3, 2]],
      [2, 'b', [2]],
    ]);
    expect(Object.keys(unzipSync(encodeWeightsNpz(saved))).sort()).toEqual([
      'layer0_W.npy',
      'layer0_b.npy',
      'layer1_gain.npy',
      'layer1_offset.npy',
      'layer2_W.npy',
      'layer2_b.npy',
    ]);
    const x = Float64Array.from({ length: 2 * 4 }, (_, i) => Math.sin(i));
    const expected = Array.from(trained.forward(x, 2));
    const fromJson = weightsDocumentTensors(JSON.parse(weightsJsonText(saved))).weights;
    const fromNpz = { spec: gainSpec, parameters: npzTensors(encodeWeightsNpz(saved)) };
    for (const weights of [fromJson, fromNpz]) {
      const fresh = buildNetwork(gainSpec, createRandom(2), undefined, gainLayerFactory(0));
      expect(Array.from(fresh.forward(x, 2))).not.toEqual(expected);
      loadTrainedWeights(fresh, weights);
      expect(Array.from(fresh.forward(x, 2))).toEqual(expected);
      expect(fresh.trainedWeights()).toEqual(saved);
    }
    const wrongShape = { ...saved, parameters: saved.parameters.map((tensor) => (tensor.name === 'offset' ? { ...tensor, shape: [6, 3] } : tensor)) };
    expect(weightsMismatch(trained, wrongShape)).toEqual({
      field: 'parameters.3.shape',
      message: 'layer 2 (tanh) has 6×3 weights but the network needs 2×3×3 for offset',
    });
  });

  it('refuses tensors the network does not have, twice, missing or of the wrong size, naming the field', () => {
    const document = () => JSON.parse(weightsJsonText(weights));
    const refusal = (edit: (json: any) => void) => {
      const json = document();
      edit(json);
      try {
        fromWeightsDocument(json);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('the file was accepted');
    };
    expect(
      refusal((j) => {
        j.parameters[1].name = 'bias';
      }),
    ).toBe('parameters.1.name: the weights have a parameter bias for layer 1 (linear), which has no parameter of that name (it has W, b)');
    expect(
      refusal((j) => {
        j.parameters[1].layer = 1;
      }),
    ).toBe('parameters.1.name: the weights have a parameter b for layer 2 (relu), which has no parameters');
    expect(
      refusal((j) => {
        j.parameters[1].layer = 9;
      }),
    ).toBe('parameters.1.layer: the weights have parameters for layer 10, but the network has 4 layers');
    expect(
      refusal((j) => {
        j.parameters[1] = j.parameters[0];
      }),
    ).toBe('parameters.1.name: the weights hold W of layer 1 (linear) twice');
    expect(
      refusal((j) => {
        j.parameters.pop();
      }),
    ).toBe('parameters: the weights have no b for layer 3 (linear)');
    expect(
      refusal((j) => {
        j.parameters.splice(2, 2);
      }),
    ).toBe('parameters: the weights have no parameters for layer 3 (linear)');
    expect(
      refusal((j) => {
        j.parameters[2].shape = [1, 2];
        j.parameters[2].values = [[1, 2]];
      }),
    ).toBe('parameters.2.shape: layer 3 (linear) has 1×2 weights but the network needs 2×1 for W');
    expect(
      refusal((j) => {
        j.parameters[3].values = [1, 2];
      }),
    ).toBe('parameters.3.values: must be a list of 1 numbers (the shape is 1)');
    expect(
      refusal((j) => {
        j.parameters[3].values = ['x'];
      }),
    ).toBe('parameters.3.values.0: not a number');
    expect(
      refusal((j) => {
        j.version = 3;
      }),
    ).toBe('not a valid weights file: version: this weights file has a version this lab does not read');
  });
});

describe('non-finite initial weights', () => {
  it('are refused by the engine before training, whatever file they came from, naming the layer, the tensor and the place', () => {
    const network = buildNetwork(spec, createRandom(1));
    const poisoned = network.trainedWeights();
    const W = poisoned.parameters[2]!;
    W.values[1] = Number.POSITIVE_INFINITY;
    expect(weightsMismatch(network, poisoned)).toEqual({
      field: 'parameters.2.values',
      message: "layer 3's W holds Infinity at [1, 0]; weights must be finite numbers",
    });
    expect(() => loadTrainedWeights(network, poisoned)).toThrow("layer 3's W holds Infinity at [1, 0]");
  });

  it('in a .npz are refused on reading with the entry and its index', () => {
    const network = buildNetwork(spec, createRandom(1));
    const poisoned = network.trainedWeights();
    poisoned.parameters[0]!.values[5] = Number.NaN;
    expect(() => decodeWeightsNpz(encodeWeightsNpz(poisoned), spec)).toThrow('layer0_W holds NaN at [2, 1] (value 5); weights must be finite numbers');
  });
});
