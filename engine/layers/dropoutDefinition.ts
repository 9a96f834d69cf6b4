// The dropout layer type: inverted dropout at `rate` in training, the identity in evaluation and in ONNX; pure, any process.
import { z } from 'zod';
import { Dropout } from './dropout.js';
import { defineLayer } from './layerDefinition.js';
import { numberSchema, type NumberSetting } from './layerSetting.js';
import { shapeSize } from './shape.js';

const rate: NumberSetting = {
  name: 'rate',
  label: 'Rate',
  noun: 'the dropout rate',
  kind: 'number',
  optional: false,
  positional: true,
  min: 0,
  max: 1,
  maxOpen: true,
  initial: 0.2,
  example: 0.2,
  step: 0.05,
  placeholder: 'RATE',
  range: 'at least 0 and below 1',
};

/** Inverted dropout: in training each value is zeroed with probability `rate` and the rest scaled by 1/(1 − rate); identity in evaluation. */
export const DropoutSpecSchema = z.object({ type: z.literal('dropout'), rate: numberSchema(rate) }).strict();

export const dropoutDefinition = defineLayer({
  type: 'dropout',
  title: 'Dropout',
  description: 'Zeroes values at random while training',
  family: 'regularisation',
  schema: DropoutSpecSchema,
  settings: [rate],
  outputShape: (_spec, input) => input,
  misfitShapes: () => ({ parameterShapes: [] }),
  inputIssue: () => undefined,
  parameterShapes: () => [],
  // The same rate; torch draws its own masks, so a run with dropout does not repeat the lab's curve exactly.
  pytorch: (spec) => ({ module: `nn.Dropout(${spec.rate})` }),
  onnx: (_spec, names) => [{ opType: 'Identity', inputs: [names.input], output: names.output }],
  build: (spec, input, { kernels, trainingRandom }) => new Dropout(shapeSize(input), spec.rate, trainingRandom, kernels),
  trainingRandom: true,
  trainingCheck: 'fixed mask',
  identityInEvaluation: true,
});
