// The tanh layer type: tanh(x), derivative 1 − y²; pure, any process.
import { z } from 'zod';
import { defineActivation } from './activationDefinition.js';

/** tanh's derivative 1 − y², from its output y. */
function tanhDerivative(_x: number, y: number): number {
  return 1 - y * y;
}

export const TanhSpecSchema = z.object({ type: z.literal('tanh') }).strict();

export const tanhDefinition = defineActivation({
  type: 'tanh',
  title: 'Tanh',
  description: 'tanh(x), elementwise, between −1 and 1',
  schema: TanhSpecSchema,
  activation: {
    scalar: () => ({ value: Math.tanh, derivative: tanhDerivative }),
    batched: () => ({
      forward: (x, y, length) => {
        for (let i = 0; i < length; i++) y[i] = Math.tanh(x[i]!);
      },
      backward: (x, y, dy, dx, length) => {
        for (let i = 0; i < length; i++) dx[i] = dy[i]! * tanhDerivative(x[i]!, y[i]!);
      },
    }),
    formula: () => 'tanh(x)',
    domain: [-5, 5],
    kinks: () => [],
  },
  pytorch: () => ({ module: 'nn.Tanh()' }),
  onnx: (_spec, names) => [{ opType: 'Tanh', inputs: [names.input], output: names.output }],
});
