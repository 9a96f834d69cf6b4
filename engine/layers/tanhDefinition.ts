// The tanh layer type: tanh(x), derivative 1 − y²; pure, any process.
import { z } from 'zod';
import { defineActivation } from './activationDefinition.js';

export const TanhSpecSchema = z.object({ type: z.literal('tanh') }).strict();

export const tanhDefinition = defineActivation({
  type: 'tanh',
  title: 'Tanh',
  description: 'tanh(x), elementwise, between −1 and 1',
  schema: TanhSpecSchema,
  activation: {
    scalar: () => ({ value: Math.tanh, derivative: (_x, y) => 1 - y * y }),
    formula: () => 'tanh(x)',
    domain: [-5, 5],
    kinks: () => [],
  },
  pytorch: () => ({ module: 'nn.Tanh()' }),
  onnx: (_spec, names) => [{ opType: 'Tanh', inputs: [names.input], output: names.output }],
});
