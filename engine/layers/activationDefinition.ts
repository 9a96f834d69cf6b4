// Defines an elementwise activation from its scalar pair and its loops over buffers: the shape passes through, no parameters, the batched layer made from the loops; pure, any process.
import type { z } from 'zod';
import { Elementwise } from './elementwise.js';
import type { Layer } from './layer.js';
import {
  defineLayer,
  type ActivationDefinition,
  type BuildContext,
  type DefinedLayer,
  type OnnxNames,
  type OnnxNode,
  type PytorchModule,
} from './layerDefinition.js';
import type { LayerSetting } from './layerSetting.js';
import { shapeSize, type Shape } from './shape.js';

/** What an elementwise activation's definition gives; the rest follows from its being elementwise. */
export interface ActivationSpecification<Schema extends z.ZodObject, S = z.infer<Schema>> {
  readonly type: S extends { type: infer T } ? T : never;
  readonly title: string;
  readonly description: string;
  readonly schema: Schema;
  readonly settings?: readonly LayerSetting[];
  readonly activation: ActivationDefinition<S>;
  onnx(spec: S, names: OnnxNames): readonly OnnxNode[];
  /** The activation as a module of an exported PyTorch script. */
  pytorch?(spec: S): PytorchModule;
  /** A faster implementation (a kernel) in place of the one made from the scalar pair. */
  build?(spec: S, input: Shape, context: BuildContext): Layer;
}

/** An elementwise activation's full definition. */
export function defineActivation<Schema extends z.ZodObject>(
  specification: ActivationSpecification<Schema>,
): DefinedLayer<Schema> & { readonly activation: ActivationDefinition<z.infer<Schema>> } {
  type S = z.infer<Schema> & { type: string };
  const { activation } = specification;
  const definition = defineLayer<Schema>({
    type: specification.type as S['type'],
    title: specification.title,
    description: specification.description,
    family: 'activation',
    schema: specification.schema,
    settings: specification.settings ?? [],
    outputShape: (_spec, input) => input,
    misfitShapes: () => ({ parameterShapes: [] }),
    inputIssue: () => undefined,
    parameterShapes: () => [],
    onnx: (spec, names) => specification.onnx(spec as z.infer<Schema>, names),
    ...(specification.pytorch ? { pytorch: (spec: S) => specification.pytorch!(spec as z.infer<Schema>) } : {}),
    build: (spec, input, context) =>
      specification.build?.(spec as z.infer<Schema>, input, context) ??
      new Elementwise(spec.type, shapeSize(input), activation.batched(spec as z.infer<Schema>), context.kernels),
    activation: activation as unknown as ActivationDefinition<S>,
  });
  return { ...definition, activation };
}
