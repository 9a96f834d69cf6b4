// The sigmoid layer type: 1 / (1 + e^(−x)) without overflow, kept on the fast sigmoid kernel; pure, any process.
import { z } from 'zod';
import { defineActivation } from './activationDefinition.js';
import { shapeSize } from './shape.js';
import { Sigmoid } from './sigmoid.js';

/** σ(x), computed as e^x / (1 + e^x) for negative x so that no exponential overflows. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** σ's derivative y(1 − y), from its output y. */
function sigmoidDerivative(_x: number, y: number): number {
  return y * (1 - y);
}

export const SigmoidSpecSchema = z.object({ type: z.literal('sigmoid') }).strict();

export const sigmoidDefinition = defineActivation({
  type: 'sigmoid',
  title: 'Sigmoid',
  description: '1 / (1 + e^−x): a probability per output',
  schema: SigmoidSpecSchema,
  activation: {
    scalar: () => ({ value: sigmoid, derivative: sigmoidDerivative }),
    batched: () => ({
      forward: (x, y, length) => {
        for (let i = 0; i < length; i++) y[i] = sigmoid(x[i]!);
      },
      backward: (x, y, dy, dx, length) => {
        for (let i = 0; i < length; i++) dx[i] = dy[i]! * sigmoidDerivative(x[i]!, y[i]!);
      },
    }),
    formula: () => 'σ(x) = 1 / (1 + e^(−x))',
    domain: [-10, 10],
    kinks: () => [],
  },
  pytorch: () => ({ module: 'nn.Sigmoid()' }),
  onnx: (_spec, names) => [{ opType: 'Sigmoid', inputs: [names.input], output: names.output }],
  build: (_spec, input, { kernels }) => new Sigmoid(shapeSize(input), kernels),
});
