// The ReLU layer type: max(0, x), kept on the fast relu kernel; pure, any process.
import { z } from 'zod';
import { defineActivation } from './activationDefinition.js';
import { Relu } from './relu.js';
import { shapeSize } from './shape.js';

export const ReluSpecSchema = z.object({ type: z.literal('relu') }).strict();

export const reluDefinition = defineActivation({
  type: 'relu',
  title: 'ReLU',
  description: 'max(0, x), elementwise',
  schema: ReluSpecSchema,
  activation: {
    scalar: () => ({ value: (x) => (x > 0 ? x : 0), derivative: (x) => (x > 0 ? 1 : 0) }),
    formula: () => 'max(0, x)',
    domain: [-5, 5],
    kinks: () => [0],
  },
  pytorch: () => ({ module: 'nn.ReLU()' }),
  onnx: (_spec, names) => [{ opType: 'Relu', inputs: [names.input], output: names.output }],
  build: (_spec, input, { kernels }) => new Relu(shapeSize(input), kernels),
});
