// The SiLU (swish) layer type: x·σ(x), with derivative σ(x)(1 + x(1 − σ(x))); pure, any process.
import { z } from 'zod';
import { defineActivation } from './activationDefinition.js';
import { scalarConstant } from './onnxConstant.js';
import { sigmoid } from './sigmoidDefinition.js';

/** SiLU's value x·σ(x). */
function siluValue(x: number): number {
  return x * sigmoid(x);
}

/** SiLU's derivative σ(x)(1 + x(1 − σ(x))). */
function siluDerivative(x: number): number {
  const s = sigmoid(x);
  return s * (1 + x * (1 - s));
}

export const SiluSpecSchema = z.object({ type: z.literal('silu') }).strict();

export const siluDefinition = defineActivation({
  type: 'silu',
  title: 'SiLU',
  description: 'x·σ(x), also called swish: smooth, dips below 0',
  schema: SiluSpecSchema,
  activation: {
    scalar: () => ({ value: siluValue, derivative: siluDerivative }),
    batched: () => ({
      forward: (x, y, length) => {
        for (let i = 0; i < length; i++) y[i] = siluValue(x[i]!);
      },
      backward: (x, _y, dy, dx, length) => {
        for (let i = 0; i < length; i++) dx[i] = dy[i]! * siluDerivative(x[i]!);
      },
    }),
    formula: () => 'x·σ(x)',
    domain: [-6, 6],
    kinks: () => [],
  },
  // x / (1 + e^(−x)) rather than Sigmoid then Mul: ONNX Runtime fuses that pair into QuickGelu, which it has for float32 only.
  pytorch: () => ({ module: 'nn.SiLU()' }),
  onnx: (_spec, names) => {
    const at = names.intermediate;
    return [
      scalarConstant(names, 'one', 1),
      { opType: 'Neg', inputs: [names.input], output: at('negated') },
      { opType: 'Exp', inputs: [at('negated')], output: at('exp') },
      { opType: 'Add', inputs: [at('exp'), at('one')], output: at('denominator') },
      { opType: 'Div', inputs: [names.input, at('denominator')], output: names.output },
    ];
  },
});
