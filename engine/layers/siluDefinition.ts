// The SiLU (swish) layer type: x·σ(x), with derivative σ(x)(1 + x(1 − σ(x))); pure, any process.
import { z } from 'zod';
import { defineActivation } from './activationDefinition.js';
import { scalarConstant } from './onnxConstant.js';
import { sigmoid } from './sigmoidDefinition.js';

export const SiluSpecSchema = z.object({ type: z.literal('silu') }).strict();

export const siluDefinition = defineActivation({
  type: 'silu',
  title: 'SiLU',
  description: 'x·σ(x), also called swish: smooth, dips below 0',
  schema: SiluSpecSchema,
  activation: {
    scalar: () => ({
      value: (x) => x * sigmoid(x),
      derivative: (x) => {
        const s = sigmoid(x);
        return s * (1 + x * (1 - s));
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
