// The Linear layer type y = x·W + b: its settings, shapes (W inputs×units, b units), Gemm node and initialised build; pure, any process.
import { z } from 'zod';
import { INIT_SCHEMES } from './initialisation.js';
import { defineLayer, type ParameterShape } from './layerDefinition.js';
import { numberSchema, type ChoiceSetting, type NumberSetting } from './layerSetting.js';
import { Linear } from './linear.js';
import { formatShape, isVector, shapeSize, type Shape } from './shape.js';

const units: NumberSetting = {
  name: 'units',
  label: 'Units',
  noun: 'the number of units',
  kind: 'integer',
  optional: false,
  positional: true,
  min: 1,
  initial: 16,
  example: 32,
  placeholder: 'UNITS',
  range: 'a positive whole number',
};
const inputs: NumberSetting = {
  name: 'inputs',
  label: 'Declared inputs',
  noun: 'the declared inputs',
  kind: 'integer',
  optional: true,
  positional: false,
  min: 1,
  example: 64,
  placeholder: 'INPUTS',
  range: 'a positive whole number',
  hint: 'Declared inputs must equal the width this layer receives; empty takes it from the layer before.',
};
const init: ChoiceSetting = {
  name: 'init',
  label: 'Initialisation',
  noun: 'initialisation',
  kind: 'choice',
  optional: true,
  positional: true,
  default: 'xavier',
  choices: [
    { value: 'xavier', label: 'Xavier uniform (default)' },
    { value: 'he', label: 'He normal' },
    { value: 'exercise', label: "The exercise's √(6/(n_in·n_out))" },
  ],
};

/** A fully connected layer y = x·W + b. `inputs` is optional: when given, it must match what the previous layer gives. */
export const LinearSpecSchema = z
  .object({
    type: z.literal('linear'),
    inputs: numberSchema(inputs).optional(),
    units: numberSchema(units),
    init: z.enum(INIT_SCHEMES).optional(),
  })
  .strict();
export type LinearSpec = z.infer<typeof LinearSpecSchema>;

/** W inputs×units (every value of the input a row) and b units. */
function parameterShapes(spec: LinearSpec, input: Shape): ParameterShape[] {
  return [
    { name: 'W', shape: [shapeSize(input), spec.units] },
    { name: 'b', shape: [spec.units] },
  ];
}

export const linearDefinition = defineLayer({
  type: 'linear',
  title: 'Linear',
  description: 'y = x·W + b: fully connected, with weights',
  family: 'weights',
  schema: LinearSpecSchema,
  settings: [units, inputs, init],
  outputShape: (spec) => [spec.units],
  misfitShapes: (spec) => ({
    output: [spec.units],
    ...(spec.inputs === undefined ? {} : { parameterShapes: parameterShapes(spec, [spec.inputs]) }),
  }),
  inputIssue: (spec, input, at) => {
    if (!isVector(input)) return `${at.layer} needs a vector, but ${at.source} gives ${formatShape(input)}`;
    if (spec.inputs !== undefined && spec.inputs !== input[0]) return `${at.layer} expects ${spec.inputs} inputs but ${at.source} gives ${input[0]}`;
    return undefined;
  },
  parameterShapes: (spec, input) => parameterShapes(spec, input),
  onnx: (_spec, names) => [{ opType: 'Gemm', inputs: [names.input, names.parameter('W'), names.parameter('b')], output: names.output }],
  // torch's Linear keeps W as units×inputs (y = x·Wᵀ + b): the lab's W goes in transposed.
  pytorch: (spec, input) => ({
    module: `nn.Linear(${shapeSize(input)}, ${spec.units})`,
    parameters: [
      { name: 'W', attribute: 'weight', transposed: true },
      { name: 'b', attribute: 'bias', transposed: false },
    ],
  }),
  build: (spec, input, { kernels, random }) => new Linear(shapeSize(input), spec.units, kernels, random, spec.init ?? 'xavier'),
});
