// GELU in its exact erf form: erf and the values and derivative against 40-digit references and PyTorch, its short form, and its ONNX nodes in ONNX Runtime.
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { encodeOnnxModel } from '../../../engine/export/onnx.js';
import { erf, erfc } from '../../../engine/functions/erf.js';
import { geluDefinition } from '../../../engine/layers/geluDefinition.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { createRandom } from '../../../engine/random.js';
import { parseSpecText } from '../../../engine/specText.js';
import { NO_TORCH, torchActivations, torchAvailable } from '../support/torchReference.js';

ort.env.wasm.numThreads = 1;

/** [x, erf(x), erfc(x)] to 17 digits, from 40-digit arithmetic (mpmath). */
const ERF_TABLE = [
  [0.1, 0.11246291601828489, 0.88753708398171511],
  [0.5, 0.52049987781304654, 0.47950012218695346],
  [1, 0.84270079294971487, 0.15729920705028513],
  [1.5, 0.96610514647531073, 0.033894853524689273],
  [1.99, 0.995111413199617, 0.0048885868003830028],
  [2, 0.99532226501895273, 0.0046777349810472658],
  [3, 0.99997790950300141, 2.2090496998585441e-5],
  [5, 0.99999999999846254, 1.5374597944280349e-12],
  [-0.7, -0.67780119383741847, 1.6778011938374185],
] as const;

/** [x, x·Φ(x), Φ(x) + x·φ(x)] to 17 digits, from 40-digit arithmetic (mpmath). */
const GELU_TABLE = [
  [-8, -4.9767684594174273e-15, -3.979607261086796e-14],
  [-3.5, -0.00081420177662433763, -0.0028217603536246352],
  [-1, -0.15865525393145705, -0.083315470587686298],
  [-0.25, -0.10032341857926907, 0.30462664511636397],
  [0, 0, 0.5],
  [1e-8, 5.000000039894228e-9, 0.50000000797884561],
  [0.5, 0.34573123063700655, 0.86749512465616284],
  [1, 0.84134474606854295, 1.0833154705876863],
  [2.75, 2.7418056511036, 1.0220275336443208],
  [6, 5.9999999940804741, 1.0000000354687095],
] as const;

const gelu = geluDefinition.activation.scalar({ type: 'gelu' });
const relative = (got: number, want: number) => Math.abs(got - want) / Math.max(Math.abs(want), 1e-300);

describe('erf', () => {
  it('is within 1e-15 of 40-digit values, and erfc keeps its relative accuracy in the tail', () => {
    for (const [x, e, c] of ERF_TABLE) {
      expect(Math.abs(erf(x) - e), `erf(${x})`).toBeLessThan(1e-15);
      expect(relative(erfc(x), c), `erfc(${x})`).toBeLessThan(1e-13);
    }
    expect(relative(erfc(10), 2.0884875837625448e-45)).toBeLessThan(1e-14);
    expect(relative(erfc(25), 8.3001725711965228e-274)).toBeLessThan(1e-13);
    expect(erf(-3)).toBe(-erf(3));
    expect(erf(0)).toBe(0);
    expect([erf(40), erf(-40), erfc(-40)]).toEqual([1, -1, 2]);
  });
});

describe('GELU', () => {
  it('is x·Φ(x) with derivative Φ(x) + x·φ(x), within 1e-15 (relative in the lower tail) of 40-digit values', () => {
    for (const [x, value, derivative] of GELU_TABLE) {
      expect(Math.abs(gelu.value(x) - value) / Math.max(1, Math.abs(value)), `gelu(${x})`).toBeLessThan(1e-15);
      expect(Math.abs(gelu.derivative(x, gelu.value(x)) - derivative), `gelu'(${x})`).toBeLessThan(1e-15);
    }
    expect(relative(gelu.value(-8), -4.9767684594174273e-15)).toBeLessThan(1e-13);
  });

  it("matches PyTorch's exact F.gelu and its autograd derivative to 1e-15", (context) => {
    if (!torchAvailable()) return context.skip(NO_TORCH);
    const x = Array.from({ length: 161 }, (_, i) => -8 + 0.1 * i + 0.0071);
    const [torch] = torchActivations(['lambda x: F.gelu(x)'], x);
    x.forEach((value, i) => {
      expect(Math.abs(gelu.value(value) - torch!.value[i]!), `gelu(${value})`).toBeLessThanOrEqual(1e-15);
      expect(Math.abs(gelu.derivative(value, gelu.value(value)) - torch!.derivative[i]!), `gelu'(${value})`).toBeLessThanOrEqual(1e-15);
    });
  }, 60_000);

  it('reads gelu in the short form and takes no size', () => {
    expect(parseSpecText('linear:4,gelu,linear:1', 3).layers[1]).toEqual({ type: 'gelu' });
    expect(() => parseSpecText('gelu:2', 3)).toThrow('gelu takes no size');
  });

  it('exports nodes ONNX Runtime runs in float64, within 1e-15 of the engine from −40 to 40', async () => {
    const x = Float64Array.from({ length: 801 }, (_, i) => -40 + 0.1 * i + 0.003);
    const model = encodeOnnxModel(buildNetwork({ input: x.length, layers: [{ type: 'gelu' }] }, createRandom(1)).trainedWeights(), 'test');
    const session = await ort.InferenceSession.create(model);
    const got = (await session.run({ input: new ort.Tensor('float64', x, [1, x.length]) })).output!.data as Float64Array;
    x.forEach((value, i) => expect(Math.abs(got[i]! - gelu.value(value)), `gelu(${value})`).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(value))));
  });
});
