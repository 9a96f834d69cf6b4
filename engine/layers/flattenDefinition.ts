// The Flatten layer type: a C×H×W input read as one vector of C·H·W values (row-major, as PyTorch and ONNX flatten); pure, any process.
import { z } from 'zod';
import { Flatten } from './flatten.js';
import { defineLayer } from './layerDefinition.js';
import { shapeSize } from './shape.js';

export const FlattenSpecSchema = z.object({ type: z.literal('flatten') }).strict();

export const flattenDefinition = defineLayer({
  type: 'flatten',
  title: 'Flatten',
  description: 'C×H×W read as one vector',
  family: 'regularisation',
  schema: FlattenSpecSchema,
  settings: [],
  outputShape: (_spec, input) => [shapeSize(input)],
  misfitShapes: () => ({ parameterShapes: [] }),
  inputIssue: () => undefined,
  parameterShapes: () => [],
  onnx: (_spec, names) => [{ opType: 'Flatten', inputs: [names.input], output: names.output, attributes: [{ name: 'axis', int: 1 }] }],
  pytorch: () => ({ module: 'nn.Flatten()' }),
  build: (_spec, input) => new Flatten(shapeSize(input)),
});
