// SiLU (swish): x·σ(x) and its derivative against 40-digit references and PyTorch, its short form, and its ONNX nodes in ONNX Runtime.
import { describe, expect, it } from 'vitest';
import { siluDefinition } from '../../../engine/layers/siluDefinition.js';
import { parseSpecText } from '../../../engine/specText.js';
import { onnxActivation } from '../support/onnxActivation.js';
import { NO_TORCH, torchActivations, torchAvailable } from '../support/torchReference.js';

/** [x, x·σ(x), σ(x)(1 + x(1 − σ(x)))] to 17 digits, from 40-digit arithmetic (mpmath). */
const TABLE = [
  [-40, -1.6993417021166356e-16, -1.6568581595637197e-16],
  [-5, -0.033464254621424278, -0.026547432429665919],
  [-1, -0.26894142136999512, 0.072329488128513268],
  [0, 0, 0.5],
  [0.5, 0.31122966560092728, 0.73996118730265181],
  [3, 2.8577223804672997, 1.0881041060151696],
  [40, 40, 1.0000000000000002],
] as const;

const silu = siluDefinition.activation.scalar({ type: 'silu' });

describe('SiLU', () => {
  it('is x·σ(x) with derivative σ(x)(1 + x(1 − σ(x))), within 1e-16 (relative) of 40-digit values', () => {
    for (const [x, value, derivative] of TABLE) {
      expect(Math.abs(silu.value(x) - value) / Math.max(Math.abs(value), 1e-300), `silu(${x})`).toBeLessThan(2.3e-16);
      expect(Math.abs(silu.derivative(x, silu.value(x)) - derivative) / Math.abs(derivative), `silu'(${x})`).toBeLessThan(1e-14);
    }
  });

  it("matches PyTorch's F.silu and its autograd derivative to 1e-15", (context) => {
    if (!torchAvailable()) return context.skip(NO_TORCH);
    const x = Array.from({ length: 161 }, (_, i) => -16 + 0.2 * i + 0.0071);
    const [torch] = torchActivations(['lambda x: F.silu(x)'], x);
    x.forEach((value, i) => {
      expect(Math.abs(silu.value(value) - torch!.value[i]!), `silu(${value})`).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(value)));
      expect(Math.abs(silu.derivative(value, silu.value(value)) - torch!.derivative[i]!), `silu'(${value})`).toBeLessThanOrEqual(1e-15);
    });
  }, 60_000);

  it('reads silu in the short form and takes no size', () => {
    expect(parseSpecText('linear:4,silu,linear:1', 3).layers[1]).toEqual({ type: 'silu' });
    expect(() => parseSpecText('silu:2', 3)).toThrow('silu takes no size');
  });

  it('exports nodes ONNX Runtime runs in float64, within 1e-15 of the engine from −50 to 50', async () => {
    const x = Float64Array.from({ length: 1001 }, (_, i) => -50 + 0.1 * i + 0.003);
    const got = await onnxActivation({ type: 'silu' }, x);
    x.forEach((value, i) => expect(Math.abs(got[i]! - silu.value(value)), `silu(${value})`).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(value))));
  });
});
