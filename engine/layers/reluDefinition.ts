// The ReLU layer type: max(0, x), kept on the fast relu kernel; pure, any process.
import { z } from 'zod';
import { defineActivation } from './activationDefinition.js';
import { Relu } from './relu.js';
import { shapeSize } from './shape.js';

/** ReLU's value max(0, x). */
function reluValue(x: number): number {
  return x > 0 ? x : 0;
}

/** ReLU's derivative, 0 at 0. */
function reluDerivative(x: number): number {
  return x > 0 ? 1 : 0;
}

export const ReluSpecSchema = z.object({ type: z.literal('relu') }).strict();

export const reluDefinition = defineActivation({
  type: 'relu',
  title: 'ReLU',
  description: 'max(0, x), elementwise',
  schema: ReluSpecSchema,
  activation: {
    scalar: () => ({ value: reluValue, derivative: reluDerivative }),
    batched: () => ({
      forward: (x, y, length) => {
        for (let i = 0; i < length; i++) y[i] = reluValue(x[i]!);
      },
      backward: (x, _y, dy, dx, length) => {
        for (let i = 0; i < length; i++) dx[i] = dy[i]! * reluDerivative(x[i]!);
      },
    }),
    formula: () => 'max(0, x)',
    domain: [-5, 5],
    kinks: () => [0],
  },
  pytorch: () => ({ module: 'nn.ReLU()' }),
  onnx: (_spec, names) => [{ opType: 'Relu', inputs: [names.input], output: names.output }],
  build: (_spec, input, { kernels }) => new Relu(shapeSize(input), kernels),
});
