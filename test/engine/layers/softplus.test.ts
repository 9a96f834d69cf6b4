// Softplus: its stable values and sigmoid derivative against 40-digit references and PyTorch, its short form, and its ONNX nodes in ONNX Runtime.
import { describe, expect, it } from 'vitest';
import { softplusDefinition } from '../../../engine/layers/softplusDefinition.js';
import { parseSpecText } from '../../../engine/specText.js';
import { onnxActivation } from '../support/onnxActivation.js';
import { NO_TORCH, torchActivations, torchAvailable } from '../support/torchReference.js';

/** [x, log(1 + eˣ), σ(x)] to 17 digits, from 40-digit arithmetic (mpmath). */
const TABLE = [
  [-40, 4.248354255291589e-18, 4.248354255291589e-18],
  [-5, 0.0067153484891180686, 0.0066928509242848556],
  [-1, 0.31326168751822283, 0.26894142136999512],
  [0, 0.69314718055994531, 0.5],
  [1e-9, 0.69314718105994531, 0.50000000025],
  [0.5, 0.97407698418010668, 0.62245933120185456],
  [3, 3.0485873515737421, 0.95257412682243322],
  [40, 40, 1],
] as const;

const softplus = softplusDefinition.activation.scalar({ type: 'softplus' });

describe('Softplus', () => {
  it('is log(1 + eˣ) to 1e-16 relative, with no overflow or lost tail, and its derivative is σ(x)', () => {
    for (const [x, value, derivative] of TABLE) {
      expect(Math.abs(softplus.value(x) - value) / value, `softplus(${x})`).toBeLessThan(2.3e-16);
      expect(Math.abs(softplus.derivative(x, softplus.value(x)) - derivative), `softplus'(${x})`).toBeLessThanOrEqual(2.3e-16);
    }
    expect(softplus.value(1000)).toBe(1000);
    expect(softplus.value(-1000)).toBe(0);
  });

  it("matches PyTorch's F.softplus and its autograd derivative to 1e-15 below its threshold of 20", (context) => {
    if (!torchAvailable()) return context.skip(NO_TORCH);
    const x = Array.from({ length: 161 }, (_, i) => -16 + 0.2 * i + 0.0071);
    const [torch] = torchActivations(['lambda x: F.softplus(x)'], x);
    x.forEach((value, i) => {
      expect(Math.abs(softplus.value(value) - torch!.value[i]!), `softplus(${value})`).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(value)));
      expect(Math.abs(softplus.derivative(value, softplus.value(value)) - torch!.derivative[i]!), `softplus'(${value})`).toBeLessThanOrEqual(1e-15);
    });
  }, 60_000);

  it('reads softplus in the short form and takes no size', () => {
    expect(parseSpecText('linear:4,softplus,linear:1', 3).layers[1]).toEqual({ type: 'softplus' });
    expect(() => parseSpecText('softplus:2', 3)).toThrow('softplus takes no size');
  });

  it('exports nodes ONNX Runtime runs in float64, within 1e-15 of the engine from −50 to 50', async () => {
    const x = Float64Array.from({ length: 1001 }, (_, i) => -50 + 0.1 * i + 0.003);
    const got = await onnxActivation({ type: 'softplus' }, x);
    x.forEach((value, i) => expect(Math.abs(got[i]! - softplus.value(value)), `softplus(${value})`).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(value))));
  });
});
