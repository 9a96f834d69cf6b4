// The AvgPool2D layer type: each channel's windows reduced to their mean; pure, any process.
import { z } from 'zod';
import { defineLayer } from './layerDefinition.js';
import { AvgPool2D } from './pool2d.js';
import { poolFields, poolGeometry, poolOutputShape, poolSize, poolStride } from './poolSettings.js';
import { int64Constant, windowNodes } from './onnxWindows.js';
import { imageIssue, windowIssue } from './windowIssues.js';

export const AvgPool2DSpecSchema = z.object({ type: z.literal('avgpool2d'), ...poolFields }).strict();

export const avgpool2dDefinition = defineLayer({
  type: 'avgpool2d',
  title: 'Average pool',
  description: 'the mean of each window',
  family: 'regularisation',
  takes: 'image',
  schema: AvgPool2DSpecSchema,
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
        opType: 'ReduceMean',
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
  pytorch: (spec) => ({ module: `nn.AvgPool2d(${spec.size}, stride=${spec.stride ?? spec.size})` }),
  build: (spec, input, { kernels }) => new AvgPool2D(poolGeometry(spec, input), kernels),
});
