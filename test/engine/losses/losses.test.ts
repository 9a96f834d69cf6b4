// The losses: reported figures as defined, fused cross-entropy stable, defaults and the messages for combinations that cannot work.
import { describe, expect, it } from 'vitest';
import { categoricalCrossEntropy } from '../../../engine/losses/categoricalCrossEntropy.js';
import { createLoss } from '../../../engine/losses/createLoss.js';
import { defaultLossFor, validateLoss } from '../../../engine/losses/lossRules.js';
import { meanSquaredError } from '../../../engine/losses/meanSquaredError.js';
import { validateSpecForData } from '../../../engine/network/validateSpec.js';
import type { NetworkSpec } from '../../../engine/spec.js';

const net = (...types: ('relu' | 'sigmoid' | 'softmax' | 'tanh')[]): NetworkSpec => ({
  input: 4,
  layers: [{ type: 'linear', units: 3 }, ...types.map((type) => ({ type }))],
});

describe('categorical cross-entropy', () => {
  it('reports the mean over samples of −Σ y ln softmax(z)', () => {
    const logits = Float64Array.from([1, 2, 3, 0, 0, 0]);
    const targets = Float64Array.from([0, 0, 1, 1, 0, 0]);
    const p = Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3));
    expect(categoricalCrossEntropy.reported(targets, logits, 2, 3)).toBeCloseTo((-Math.log(p) + Math.log(3)) / 2, 14);
  });

  it('stays finite and exact for logits of ±1000, where softmax then log would give Infinity', () => {
    const logits = Float64Array.from([1000, -1000]);
    expect(categoricalCrossEntropy.total(Float64Array.from([0, 1]), logits, 1, 2)).toBe(2000);
    const gradient = new Float64Array(2);
    categoricalCrossEntropy.gradient(Float64Array.from([0, 1]), logits, gradient, 1, 2, 1);
    expect(Array.from(gradient)).toEqual([1, -1]);
  });

  it('gives p − y scaled by 1/batch for the mean reduction', () => {
    const gradient = new Float64Array(2);
    categoricalCrossEntropy.gradient(Float64Array.from([1, 0]), Float64Array.from([0, 0]), gradient, 1, 2, 0.5);
    expect(Array.from(gradient)).toEqual([-0.25, 0.25]);
  });
});

describe('mean squared error', () => {
  it('reports the mean of (p − y)² and has gradient 2(p − y) for the summed loss', () => {
    const targets = Float64Array.from([1, 0]);
    const predictions = Float64Array.from([0.5, 0.25]);
    expect(meanSquaredError.reported(targets, predictions, 1, 2)).toBe((0.25 + 0.0625) / 2);
    const gradient = new Float64Array(2);
    meanSquaredError.gradient(targets, predictions, gradient, 1, 2, 1);
    expect(Array.from(gradient)).toEqual([-1, 0.5]);
  });
});

describe('choosing and validating a loss', () => {
  it('defaults to cce after a softmax, bce after a sigmoid, else mse', () => {
    expect(defaultLossFor(net('softmax'))).toBe('cce');
    expect(defaultLossFor(net('sigmoid'))).toBe('bce');
    expect(defaultLossFor(net('tanh'))).toBe('mse');
    expect(createLoss('cce').fusedLayers).toBe(1);
    expect(createLoss('bce').fusedLayers).toBe(0);
  });

  it('refuses cce without a final softmax, naming hyper.loss when the user chose it', () => {
    expect(validateLoss(net('relu'), 'cce', true)).toEqual([
      { field: 'hyper.loss', message: 'categorical cross-entropy needs a softmax as the last layer, but the last is layer 2 (relu)' },
    ]);
  });

  it('refuses bce without outputs in (0, 1), naming the last layer when the loss was the default', () => {
    expect(validateLoss(net('tanh'), 'bce', false)).toEqual([
      { field: 'spec.layers.1', message: 'binary cross-entropy needs outputs between 0 and 1 (a sigmoid as the last layer), but the last is layer 2 (tanh)' },
    ]);
    expect(validateLoss(net('softmax'), 'bce', true)).toEqual([]);
    expect(validateLoss(net('tanh'), 'mse', true)).toEqual([]);
  });

  it('refuses a one-output softmax for the data, whose probability is always 1', () => {
    const spec: NetworkSpec = { input: 64, layers: [{ type: 'linear', units: 1 }, { type: 'softmax' }] };
    const issues = validateSpecForData(spec, { name: 'digits-binary', inputs: 64, outputs: 1 });
    expect(issues).toEqual([
      {
        field: 'spec.layers.1',
        message: 'layer 2 (softmax) has a single output, which a softmax always sets to 1: categorical cross-entropy needs one output per class',
      },
    ]);
  });
});
