// The MaxPool2D layer type: each channel's windows reduced to their largest value; pure, any process.
import { z } from 'zod';
import { defineLayer } from './layerDefinition.js';
import { MaxPool2D } from './pool2d.js';
import { poolFields, poolGeometry, poolOutputShape, poolSize, poolStride } from './poolSettings.js';
import { int64Constant, windowNodes } from './onnxWindows.js';
import { imageIssue, windowIssue } from './windowIssues.js';

export const MaxPool2DSpecSchema = z.object({ type: z.literal('maxpool2d'), ...poolFields }).strict();

export const maxpool2dDefinition = defineLayer({
  type: 'maxpool2d',
  title: 'Max pool',
  description: 'the largest value of each window',
  family: 'regularisation',
  takes: 'image',
  schema: MaxPool2DSpecSchema,
  settings: [poolSize, poolStride],
  outputShape: (spec, input) => poolOutputShape(spec, input),
  inputIssue: (spec, input, at) =>
    imageIssue(input, at) ?? windowIssue(poolGeometry(spec, input), `a ${spec.size}×${spec.size} window`, at, 'use a smaller window'),
  parameterShapes: () => [],
  // Each channel's windows [N, C, P, k·k] reduced over the window, then [N, C, Ho, Wo] (float64 operators, see onnxWindows.ts).
  onnx: (spec, names) => {
    const geometry = poolGeometry(spec, names.inputShape);
    const at = names.intermediate;
    return [
      ...windowNodes(names, geometry, true),
      {
        opType: 'ReduceMax',
        inputs: [at('windows')],
        output: at('reduced'),
        attributes: [
          { name: 'axes', ints: [3] },
          { name: 'keepdims', int: 0 },
        ],
      },
      int64Constant(names, 'output_shape', [4], [0, geometry.channels, geometry.rows.output, geometry.columns.output]),
      { opType: 'Reshape', inputs: [at('reduced'), at('output_shape')], output: names.output },
    ];
  },
  pytorch: (spec) => ({ module: `nn.MaxPool2d(${spec.size}, stride=${spec.stride ?? spec.size})` }),
  build: (spec, input, { kernels }) => new MaxPool2D(poolGeometry(spec, input), kernels),
});
