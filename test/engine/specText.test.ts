// The short text form of a network.
import { describe, expect, it } from 'vitest';
import { formatSpecText, parseSpecText } from '../../engine/specText.js';

describe('parseSpecText', () => {
  it('reads the exercise\'s network with the input width given', () => {
    expect(parseSpecText('linear:32, relu, Linear:1, sigmoid', 64)).toEqual({
      input: 64,
      layers: [{ type: 'linear', units: 32 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }],
    });
  });

  it('round-trips through formatSpecText', () => {
    const text = 'linear:32,relu,linear:16,relu,linear:8,relu,linear:1,sigmoid';
    expect(formatSpecText(parseSpecText(text, 64))).toBe(text);
  });

  it('names the item that is wrong', () => {
    expect(() => parseSpecText('linear:32,tanh,linear:1', 64)).toThrow('layer 2 "tanh": unknown layer type; known: linear:UNITS, relu, sigmoid');
    expect(() => parseSpecText('linear:0,sigmoid', 64)).toThrow('layer 1 "linear:0": the number of units must be a positive whole number');
    expect(() => parseSpecText('linear,sigmoid', 64)).toThrow('layer 1 "linear": write linear:UNITS');
    expect(() => parseSpecText('relu:3', 64)).toThrow('relu takes no size');
    expect(() => parseSpecText('linear:3,,sigmoid', 64)).toThrow('layer 2 is empty');
    expect(() => parseSpecText('  ', 64)).toThrow('the network is empty');
  });
});
