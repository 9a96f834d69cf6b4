// ELU: its values and derivative by hand and against PyTorch, its short form, and its ONNX operator in ONNX Runtime.
import { describe, expect, it } from 'vitest';
import { eluDefinition } from '../../../engine/layers/eluDefinition.js';
import { parseSpecText } from '../../../engine/specText.js';
import { NO_TORCH, torchActivations, torchAvailable } from '../support/torchReference.js';

const x = Array.from({ length: 121 }, (_, i) => -6 + 0.1 * i + 0.0123);

describe('ELU', () => {
  it('is x above 0 and α(eˣ − 1) below, with derivative 1 and αeˣ (hand-checked)', () => {
    const standard = eluDefinition.activation.scalar({ type: 'elu' });
    expect(standard.value(1.5)).toBe(1.5);
    expect(standard.value(-1)).toBeCloseTo(Math.exp(-1) - 1, 16);
    expect(standard.value(-1)).toBeCloseTo(-0.6321205588285577, 16);
    expect(standard.derivative(-1, standard.value(-1))).toBeCloseTo(0.36787944117144233, 16);
    expect(standard.derivative(2, 2)).toBe(1);
    const half = eluDefinition.activation.scalar({ type: 'elu', alpha: 0.5 });
    expect(half.value(-2)).toBeCloseTo(-0.43233235838169365, 16);
    expect(half.derivative(-2, half.value(-2))).toBeCloseTo(0.5 * Math.exp(-2), 16);
    expect(half.value(-1e-12)).toBeCloseTo(0.5 * (-1e-12 + 0.5e-24), 27); // expm1: no cancellation next to 0
  });

  it("matches PyTorch's F.elu and its autograd derivative to 1e-15 for α = 1, 0.5 and 0.3", (context) => {
    if (!torchAvailable()) return context.skip(NO_TORCH);
    const alphas = [1, 0.5, 0.3];
    const torch = torchActivations(
      alphas.map((alpha) => `lambda x: F.elu(x, alpha=${alpha})`),
      x,
    );
    alphas.forEach((alpha, k) => {
      const pair = eluDefinition.activation.scalar({ type: 'elu', alpha });
      x.forEach((value, i) => {
        expect(Math.abs(pair.value(value) - torch[k]!.value[i]!), `elu(${value}), α = ${alpha}`).toBeLessThanOrEqual(1e-15);
        expect(Math.abs(pair.derivative(value, pair.value(value)) - torch[k]!.derivative[i]!), `elu'(${value}), α = ${alpha}`).toBeLessThanOrEqual(1e-15);
      });
    });
  }, 60_000);

  it('reads elu and elu:ALPHA in the short form', () => {
    expect(parseSpecText('linear:4,elu:1.0,linear:1', 3).layers[1]).toEqual({ type: 'elu', alpha: 1 });
    expect(parseSpecText('elu', 3).layers).toEqual([{ type: 'elu' }]);
    expect(() => parseSpecText('elu:-1', 3)).toThrow('layer 1 "elu:-1": alpha must be at least 0');
  });

  it("is exported as ONNX's Elu when α is exact in float32, and from float64 constants otherwise", () => {
    const names = {
      precision: 'float64' as const,
      input: 'x',
      inputShape: [4],
      output: 'y',
      parameter: (n: string) => n,
      intermediate: (n: string) => `elu_${n}`,
    };
    expect(eluDefinition.onnx({ type: 'elu' }, names).map((node) => node.opType)).toEqual(['Elu']);
    expect(eluDefinition.onnx({ type: 'elu', alpha: 0.3 }, names).map((node) => node.opType)).not.toContain('Elu');
  });
});
