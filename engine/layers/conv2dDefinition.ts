// The Conv2D layer type: filters sliding over a C×H×W input (valid or same padding, any stride), W filters×channels×k×k, b per filter unless its bias is off; pure, any process.
import { z } from 'zod';
import { Conv2D } from './conv2d.js';
import { PADDINGS, windowGeometry } from './convGeometry.js';
import { defineLayer, type ParameterShape } from './layerDefinition.js';
import { numberSchema, type ChoiceSetting, type FlagSetting, type NumberSetting } from './layerSetting.js';
import { hasWindowOperator, int64Constant, windowAttributes, windowNodes } from './onnxWindows.js';
import { imageIssue, windowIssue } from './windowIssues.js';

const filters: NumberSetting = {
  name: 'filters',
  label: 'Filters',
  noun: 'the number of filters',
  kind: 'integer',
  optional: false,
  positional: true,
  min: 1,
  initial: 8,
  example: 16,
  placeholder: 'FILTERS',
  range: 'a positive whole number',
};
const kernel: NumberSetting = {
  name: 'kernel',
  label: 'Kernel size',
  noun: 'the kernel size',
  kind: 'integer',
  optional: false,
  positional: true,
  min: 1,
  initial: 3,
  example: 5,
  placeholder: 'KERNEL',
  range: 'a positive whole number',
};
const stride: NumberSetting = {
  name: 'stride',
  label: 'Stride',
  noun: 'the stride',
  kind: 'integer',
  optional: true,
  positional: true,
  min: 1,
  default: 1,
  example: 1,
  placeholder: 'STRIDE',
  range: 'a positive whole number',
};
const padding: ChoiceSetting = {
  name: 'padding',
  label: 'Padding',
  noun: 'padding',
  kind: 'choice',
  optional: true,
  positional: true,
  default: 'valid',
  choices: [
    { value: 'valid', label: 'valid: no padding (default)' },
    { value: 'same', label: 'same: zeros around, output ⌈size / stride⌉' },
  ],
};
const init: ChoiceSetting = {
  name: 'init',
  label: 'Initialisation',
  noun: 'initialisation',
  kind: 'choice',
  optional: true,
  positional: false,
  default: 'he',
  choices: [
    { value: 'he', label: 'He normal (default)' },
    { value: 'xavier', label: 'Xavier uniform' },
  ],
};
const bias: FlagSetting = {
  name: 'bias',
  label: 'Bias',
  noun: 'the bias',
  kind: 'flag',
  optional: true,
  positional: true,
  default: true,
  word: 'nobias',
  wordMeaning: 'no bias: y = W ∗ x',
};

/** A 2D convolution: `filters` filters of `kernel`×`kernel` over every channel, moved by `stride`, with `padding`, plus a bias per filter unless `bias` is false. */
export const Conv2DSpecSchema = z
  .object({
    type: z.literal('conv2d'),
    filters: numberSchema(filters),
    kernel: numberSchema(kernel),
    stride: numberSchema(stride).optional(),
    padding: z.enum(PADDINGS).optional(),
    init: z.enum(['he', 'xavier']).optional(),
    bias: z.boolean().optional(),
  })
  .strict();
export type Conv2DSpec = z.infer<typeof Conv2DSpecSchema>;

const biased = (spec: Conv2DSpec) => spec.bias ?? bias.default;
const geometryOf = (spec: Conv2DSpec, input: readonly number[]) => windowGeometry(input, spec.kernel, spec.stride ?? 1, spec.padding ?? 'valid');

/** The filters W (filters×channels×k×k, as torch.nn.Conv2d keeps them) and the bias b unless it is off. */
function parameterShapes(spec: Conv2DSpec, input: readonly number[]): ParameterShape[] {
  return [{ name: 'W', shape: [spec.filters, input[0] ?? 1, spec.kernel, spec.kernel] }, ...(biased(spec) ? [{ name: 'b', shape: [spec.filters] }] : [])];
}

export const conv2dDefinition = defineLayer({
  type: 'conv2d',
  title: 'Conv2D',
  description: 'filters slid over the image, plus a bias (unless it is off)',
  family: 'weights',
  takes: 'image',
  schema: Conv2DSpecSchema,
  settings: [filters, kernel, stride, padding, init, bias],
  outputShape: (spec, input) => {
    const geometry = geometryOf(spec, input);
    return [spec.filters, geometry.rows.output, geometry.columns.output];
  },
  inputIssue: (spec, input, at) =>
    imageIssue(input, at) ??
    windowIssue(
      geometryOf(spec, input),
      `a ${spec.kernel}×${spec.kernel} kernel`,
      at,
      spec.padding === 'same' ? undefined : 'use a smaller kernel, or padding same',
    ),
  parameterShapes: (spec, input) => parameterShapes(spec, input),
  // A Conv node (W is already filters×channels×k×k; B only when the layer has a bias) where the runtime has Conv in the
  // model's precision; else windows [N, P, C·k·k] · Wᵀ [C·k·k, F] (+ b), then [N, F, Ho, Wo]: the same sums in float64 (see onnxWindows.ts).
  onnx: (spec, names) => {
    const geometry = geometryOf(spec, names.inputShape);
    const hasBias = biased(spec);
    if (hasWindowOperator('Conv', names.precision)) {
      const inputs = [names.input, names.parameter('W'), ...(hasBias ? [names.parameter('b')] : [])];
      return [{ opType: 'Conv', inputs, output: names.output, attributes: [...windowAttributes(geometry), { name: 'group', int: 1 }] }];
    }
    const at = names.intermediate;
    const patch = geometry.channels * spec.kernel * spec.kernel;
    return [
      ...windowNodes(names, geometry, false),
      int64Constant(names, 'weight_shape', [2], [spec.filters, patch]),
      { opType: 'Reshape', inputs: [names.parameter('W'), at('weight_shape')], output: at('weights') },
      { opType: 'Transpose', inputs: [at('weights')], output: at('weights_t'), attributes: [{ name: 'perm', ints: [1, 0] }] },
      { opType: 'MatMul', inputs: [at('windows'), at('weights_t')], output: hasBias ? at('product') : at('biased') },
      ...(hasBias ? [{ opType: 'Add', inputs: [at('product'), names.parameter('b')], output: at('biased') }] : []),
      { opType: 'Transpose', inputs: [at('biased')], output: at('channels_first'), attributes: [{ name: 'perm', ints: [0, 2, 1] }] },
      int64Constant(names, 'output_shape', [4], [0, spec.filters, geometry.rows.output, geometry.columns.output]),
      { opType: 'Reshape', inputs: [at('channels_first'), at('output_shape')], output: names.output },
    ];
  },
  pytorch: (spec, input) => {
    const geometry = geometryOf(spec, input);
    const conv = `nn.Conv2d(${input[0]}, ${spec.filters}, ${spec.kernel}, stride=${spec.stride ?? 1}${biased(spec) ? '' : ', bias=False'})`;
    const { rows, columns } = geometry;
    const pads = [columns.before, columns.after, rows.before, rows.after];
    const unpadded = pads.every((p) => p === 0);
    const place = unpadded ? '' : 'conv.';
    return {
      module: unpadded ? conv : `PaddedConv2d((${pads.join(', ')}), ${conv})`,
      parameters: [
        { name: 'W', attribute: `${place}weight`, transposed: false },
        ...(biased(spec) ? [{ name: 'b', attribute: `${place}bias`, transposed: false }] : []),
      ],
      ...(unpadded
        ? {}
        : {
            helper: {
              name: 'PaddedConv2d',
              source: [
                'class PaddedConv2d(nn.Module):',
                '    """Zeros around the image (left, right, top, bottom), then the convolution: the lab\'s padding same."""',
                '',
                '    def __init__(self, pads, conv):',
                '        super().__init__()',
                '        self.pad = nn.ZeroPad2d(pads)',
                '        self.conv = conv',
                '',
                '    def forward(self, x):',
                '        return self.conv(self.pad(x))',
              ].join('\n'),
            },
          }),
    };
  },
  build: (spec, input, { kernels, random }) => new Conv2D(geometryOf(spec, input), spec.filters, kernels, random, spec.init ?? 'he', biased(spec)),
});
