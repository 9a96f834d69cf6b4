// Tests reading weights back: exact round trips through weights.json and weights.npz, and every malformed-file message.
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { encodeNpy } from '../../../engine/export/npy.js';
import { encodeWeightsNpz } from '../../../engine/export/npz.js';
import { decodeNpy, decodeWeightsNpz, fromWeightsDocument } from '../../../engine/export/readWeights.js';
import { toWeightsDocument, weightsJsonText } from '../../../engine/export/weightsJson.js';
import type { NetworkSpec, TrainedWeights } from '../../../engine/spec.js';

const spec: NetworkSpec = { input: 3, layers: [{ type: 'linear', units: 2 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }] };
/** Values that stress a text round trip: tiny, huge, negative zero, many digits. */
const weights: TrainedWeights = {
  spec,
  layers: [
    { index: 0, inputs: 3, units: 2, W: Float64Array.of(0.1, -1 / 3, 1e-300, 123456789.123456789, -0, Math.PI), b: Float64Array.of(2 ** -40, -7) },
    { index: 2, inputs: 2, units: 1, W: Float64Array.of(Math.E, -Number.MIN_VALUE), b: Float64Array.of(0.30000000000000004) },
  ],
};

const sameBits = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe('reading weights', () => {
  it('round-trips weights.json exactly, bit for bit', () => {
    const back = fromWeightsDocument(JSON.parse(weightsJsonText(weights)));
    expect(back.spec).toEqual(spec);
    back.layers.forEach((layer, i) => {
      expect(sameBits(layer.W, weights.layers[i]!.W)).toBe(true);
      expect(sameBits(layer.b, weights.layers[i]!.b)).toBe(true);
    });
  });

  it('round-trips weights.npz exactly', () => {
    const back = decodeWeightsNpz(encodeWeightsNpz(weights), spec);
    back.layers.forEach((layer, i) => expect(sameBits(layer.W, weights.layers[i]!.W)).toBe(true));
  });

  it('reads float32 arrays and 1-d shapes', () => {
    const bytes = encodeNpy(Float64Array.of(1, 2), [2]);
    expect(decodeNpy(bytes)).toEqual({ shape: [2], values: Float64Array.of(1, 2) });
  });

  it('writes a non-finite weight as null and refuses it when read back', () => {
    const diverged = { ...weights, layers: [{ ...weights.layers[0]!, b: Float64Array.of(NaN, 1) }, weights.layers[1]!] };
    expect(() => fromWeightsDocument(JSON.parse(weightsJsonText(diverged)))).toThrow('not a finite number (did the run diverge?)');
  });

  it('refuses a file that is not a weights document, naming what is wrong', () => {
    expect(() => fromWeightsDocument({ format: 'something-else' })).toThrow('not a Backprop Lab weights file');
    const document = toWeightsDocument(weights);
    document.layers[0]!.W[1] = [1];
    expect(() => fromWeightsDocument(document)).toThrow('layer 1: W must be 3 rows of 2 numbers');
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
