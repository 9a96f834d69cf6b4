// The GELU layer type in its exact form x·Φ(x), Φ the standard normal CDF by erf, with derivative Φ(x) + x·φ(x); pure, any process.
import { z } from 'zod';
import { erfc } from '../functions/erf.js';
import { defineActivation } from './activationDefinition.js';
import { normalCdfNodes } from './onnxNormalCdf.js';

const ONE_OVER_SQRT_TWO_PI = 0.3989422804014327;

/** Φ(x) = erfc(−x/√2) / 2, which keeps its relative accuracy far into the lower tail. */
function normalCdf(x: number): number {
  return 0.5 * erfc(-x * Math.SQRT1_2);
}

/** GELU's value x·Φ(x). */
function geluValue(x: number): number {
  return x * normalCdf(x);
}

/** GELU's derivative Φ(x) + x·φ(x). */
function geluDerivative(x: number): number {
  return normalCdf(x) + x * ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * x * x);
}

export const GeluSpecSchema = z.object({ type: z.literal('gelu') }).strict();

export const geluDefinition = defineActivation({
  type: 'gelu',
  title: 'GELU',
  description: 'x·Φ(x): x weighted by the normal CDF, smooth',
  schema: GeluSpecSchema,
  activation: {
    scalar: () => ({ value: geluValue, derivative: geluDerivative }),
    batched: () => ({
      forward: (x, y, length) => {
        for (let i = 0; i < length; i++) y[i] = geluValue(x[i]!);
      },
      backward: (x, _y, dy, dx, length) => {
        for (let i = 0; i < length; i++) dx[i] = dy[i]! * geluDerivative(x[i]!);
      },
    }),
    formula: () => 'x·Φ(x) = x·(1 + erf(x/√2)) / 2',
    domain: [-4, 4],
    kinks: () => [],
  },
  // Opset 17 has no Gelu operator (it came in opset 20), and ONNX Runtime has no float64 Erf: x·Φ(x) from elementary operators.
  pytorch: () => ({ module: "nn.GELU(approximate='none')" }),
  onnx: (_spec, names) => {
    const { nodes, cdf } = normalCdfNodes(names, names.input);
    return [...nodes, { opType: 'Mul', inputs: [names.input, cdf], output: names.output }];
  },
});
