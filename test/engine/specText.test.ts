// The short text form of a network.
import { describe, expect, it } from 'vitest';
import { formatSpecText, parseSpecText, SHORT_FORMS } from '../../engine/specText.js';

describe('parseSpecText', () => {
  it("reads the exercise's network with the input width given", () => {
    expect(parseSpecText('linear:32, relu, Linear:1, sigmoid', 64)).toEqual({
      input: 64,
      layers: [{ type: 'linear', units: 32 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }],
    });
  });

  it('reads every layer type with its options and round-trips them', () => {
    const text = 'linear:32:he,leaky_relu:0.1,dropout:0.2,linear:16:exercise,tanh,leaky_relu,linear:10,softmax';
    expect(parseSpecText(text, 64).layers).toEqual([
      { type: 'linear', units: 32, init: 'he' },
      { type: 'leaky_relu', alpha: 0.1 },
      { type: 'dropout', rate: 0.2 },
      { type: 'linear', units: 16, init: 'exercise' },
      { type: 'tanh' },
      { type: 'leaky_relu' },
      { type: 'linear', units: 10 },
      { type: 'softmax' },
    ]);
    expect(formatSpecText(parseSpecText(text, 64))).toBe(text);
  });

  it('round-trips through formatSpecText', () => {
    const text = 'linear:32,relu,linear:16,relu,linear:8,relu,linear:1,sigmoid';
    expect(formatSpecText(parseSpecText(text, 64))).toBe(text);
  });

  it("reads a convolution's bias off from a trailing nobias, with or without the stride and padding before it, and writes it back the same", () => {
    const cases: [string, object][] = [
      ['conv2d:16:5:nobias', { type: 'conv2d', filters: 16, kernel: 5, bias: false }],
      ['conv2d:16:5:2:nobias', { type: 'conv2d', filters: 16, kernel: 5, stride: 2, bias: false }],
      ['conv2d:16:5:same:nobias', { type: 'conv2d', filters: 16, kernel: 5, padding: 'same', bias: false }],
      ['conv2d:16:5:1:same:nobias', { type: 'conv2d', filters: 16, kernel: 5, stride: 1, padding: 'same', bias: false }],
      ['conv2d:16:5:1:same', { type: 'conv2d', filters: 16, kernel: 5, stride: 1, padding: 'same' }],
    ];
    for (const [text, layer] of cases) {
      expect(parseSpecText(text, 784).layers, text).toEqual([layer]);
      expect(formatSpecText(parseSpecText(text, 784))).toBe(text);
    }
    expect(parseSpecText('Conv2D:8:3:NoBias', 64).layers).toEqual([{ type: 'conv2d', filters: 8, kernel: 3, bias: false }]);
    expect(formatSpecText({ input: 64, layers: [{ type: 'conv2d', filters: 8, kernel: 3, bias: true }] })).toBe('conv2d:8:3');
    expect(SHORT_FORMS).toContain('conv2d:FILTERS:KERNEL[:STRIDE][:valid|same][:nobias]');
  });

  it('refuses a word after a convolution that is neither its padding nor nobias, and anything after nobias', () => {
    expect(() => parseSpecText('conv2d:16:5:1:same:bias', 784)).toThrow(
      'layer 1 "conv2d:16:5:1:same:bias": unknown word "bias"; nobias means no bias: y = W ∗ x',
    );
    expect(() => parseSpecText('conv2d:16:5:1:sme', 784)).toThrow('layer 1 "conv2d:16:5:1:sme": unknown padding "sme"; known: valid, same');
    expect(() => parseSpecText('conv2d:16:5:nobias:same', 784)).toThrow(
      'layer 1 "conv2d:16:5:nobias:same": write conv2d:FILTERS:KERNEL[:STRIDE][:valid|same][:nobias], e.g. conv2d:16:5',
    );
    expect(() => parseSpecText('conv2d:16:nobias', 784)).toThrow('layer 1 "conv2d:16:nobias": the kernel size must be a positive whole number');
  });

  it('names the item that is wrong', () => {
    expect(() => parseSpecText('linear:32,swish,linear:1', 64)).toThrow(
      'layer 2 "swish": unknown layer type; known: linear:UNITS[:xavier|he|exercise], relu, leaky_relu[:ALPHA], sigmoid, tanh, softmax, dropout:RATE',
    );
    expect(() => parseSpecText('linear:3:glorot', 64)).toThrow('layer 1 "linear:3:glorot": unknown initialisation "glorot"; known: xavier, he, exercise');
    expect(() => parseSpecText('dropout', 64)).toThrow('layer 1 "dropout": write dropout:RATE');
    expect(() => parseSpecText('dropout:1', 64)).toThrow('the dropout rate must be at least 0 and below 1');
    expect(() => parseSpecText('leaky_relu:x', 64)).toThrow('layer 1 "leaky_relu:x": alpha must be a number');
    expect(() => parseSpecText('linear:0,sigmoid', 64)).toThrow('layer 1 "linear:0": the number of units must be a positive whole number');
    expect(() => parseSpecText('linear,sigmoid', 64)).toThrow('layer 1 "linear": write linear:UNITS');
    expect(() => parseSpecText('relu:3', 64)).toThrow('relu takes no size');
    expect(() => parseSpecText('linear:3,,sigmoid', 64)).toThrow('layer 2 is empty');
    expect(() => parseSpecText('  ', 64)).toThrow('the network is empty');
  });
});
