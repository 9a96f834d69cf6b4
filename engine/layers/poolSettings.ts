// What both pooling layer types share: the window's size and stride (the size unless given), and their definition but for the reduction; pure, any process.
import type { z } from 'zod';
import type { Kernels } from '../kernels/kernels.js';
import { windowGeometry, type WindowGeometry } from './convGeometry.js';
import type { Layer } from './layer.js';
import { defineLayer, type DefinedLayer } from './layerDefinition.js';
import { hasWindowOperator, int64Constant, windowAttributes, windowNodes } from './onnxWindows.js';
import { imageIssue, windowIssue } from './windowIssues.js';
import { numberSchema, type NumberSetting } from './layerSetting.js';
import type { Shape } from './shape.js';

export const poolSize: NumberSetting = {
  name: 'size',
  label: 'Window size',
  noun: 'the window size',
  kind: 'integer',
  optional: false,
  positional: true,
  min: 1,
  initial: 2,
  example: 2,
  placeholder: 'SIZE',
  range: 'a positive whole number',
};
export const poolStride: NumberSetting = {
  name: 'stride',
  label: 'Stride',
  noun: 'the stride',
  kind: 'integer',
  optional: true,
  positional: true,
  min: 1,
  example: 2,
  placeholder: 'STRIDE',
  range: 'a positive whole number',
  hint: 'Empty moves the window by its own size, so windows do not overlap.',
};

/** The spec fields of a pooling layer besides its type. */
export const poolFields = { size: numberSchema(poolSize), stride: numberSchema(poolStride).optional() };
export type PoolSpec = { size: number; stride?: number | undefined };

/** A pooling window over `input`: no padding, stride the size unless given. */
export function poolGeometry(spec: PoolSpec, input: Shape): WindowGeometry {
  return windowGeometry(input, spec.size, spec.stride ?? spec.size, 'valid');
}

/** Its output for a C×H×W input it fits: the channels kept, each reduced over the window positions. */
export function poolOutputShape(spec: PoolSpec, input: Shape): Shape {
  const geometry = poolGeometry(spec, input);
  return [input[0]!, geometry.rows.output, geometry.columns.output];
}

/** What tells the two pooling layer types apart: their names, the ONNX operator (and the reduction that unrolls it), torch's module and the layer that computes them. */
export interface PoolKind<Schema extends z.ZodObject> {
  readonly type: z.infer<Schema>['type'];
  readonly title: string;
  readonly description: string;
  readonly schema: Schema;
  readonly onnxOperator: 'MaxPool' | 'AveragePool';
  readonly onnxReduce: 'ReduceMax' | 'ReduceMean';
  readonly torchModule: 'MaxPool2d' | 'AvgPool2d';
  readonly layer: new (geometry: WindowGeometry, kernels: Kernels) => Layer;
}

/** A pooling layer type's definition: its window settings, shapes, refusals, ONNX nodes, torch module and build, shared by both kinds. */
export function definePool<Schema extends z.ZodObject>(kind: PoolKind<Schema>): DefinedLayer<Schema> {
  type S = z.infer<Schema> & { type: string };
  const pool = (spec: S): PoolSpec => spec as unknown as PoolSpec;
  return defineLayer<Schema>({
    type: kind.type as S['type'],
    title: kind.title,
    description: kind.description,
    family: 'regularisation',
    takes: 'image',
    schema: kind.schema,
    settings: [poolSize, poolStride],
    outputShape: (spec, input) => poolOutputShape(pool(spec), input),
    misfitShapes: () => ({ parameterShapes: [] }),
    inputIssue: (spec, input, at) => {
      const { size } = pool(spec);
      return imageIssue(input, at) ?? windowIssue(poolGeometry(pool(spec), input), `a ${size}×${size} window`, at, 'use a smaller window');
    },
    parameterShapes: () => [],
    // The pool operator where the runtime has it in the model's precision (count_include_pad: an average divides by the
    // window's k·k values, as the layer does; its windows are never padded); else each channel's windows [N, C, P, k·k]
    // reduced over the window, then [N, C, Ho, Wo] (float64 operators, see onnxWindows.ts).
    onnx: (spec, names) => {
      const geometry = poolGeometry(pool(spec), names.inputShape);
      if (hasWindowOperator(kind.onnxOperator, names.precision)) {
        const attributes = [...windowAttributes(geometry), ...(kind.onnxOperator === 'AveragePool' ? [{ name: 'count_include_pad', int: 1 }] : [])];
        return [{ opType: kind.onnxOperator, inputs: [names.input], output: names.output, attributes }];
      }
      const at = names.intermediate;
      return [
        ...windowNodes(names, geometry, true),
        {
          opType: kind.onnxReduce,
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
    pytorch: (spec) => {
      const { size, stride } = pool(spec);
      return { module: `nn.${kind.torchModule}(${size}, stride=${stride ?? size})` };
    },
    build: (spec, input, { kernels }) => new kind.layer(poolGeometry(pool(spec), input), kernels),
  });
}
