// The softmax layer type: one probability per class over each sample's vector; pure, any process.
import { z } from 'zod';
import { defineLayer } from './layerDefinition.js';
import { formatShape, isVector, shapeSize } from './shape.js';
import { Softmax } from './softmax.js';

/** Softmax over each row; trained with categorical cross-entropy, fused for numerical stability. */
export const SoftmaxSpecSchema = z.object({ type: z.literal('softmax') }).strict();

export const softmaxDefinition = defineLayer({
  type: 'softmax',
  title: 'Softmax',
  description: 'One probability per class, summing to 1',
  family: 'activation',
  schema: SoftmaxSpecSchema,
  settings: [],
  outputShape: (_spec, input) => input,
  misfitShapes: () => ({ parameterShapes: [] }),
  inputIssue: (_spec, input, at) => (isVector(input) ? undefined : `${at.layer} needs a vector, but ${at.source} gives ${formatShape(input)}`),
  parameterShapes: () => [],
  pytorch: () => ({ module: 'nn.Softmax(dim=1)' }),
  onnx: (_spec, names) => [{ opType: 'Softmax', inputs: [names.input], output: names.output, attributes: [{ name: 'axis', int: -1 }] }],
  build: (_spec, input, { kernels }) => new Softmax(shapeSize(input), kernels),
});
