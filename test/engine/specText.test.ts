// The short text form of a network.
import { describe, expect, it } from 'vitest';
import { formatSpecText, parseSpecText } from '../../engine/specText.js';

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
