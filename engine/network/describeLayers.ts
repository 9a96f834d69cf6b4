// The one shape tracer: each layer's input and output shape, parameters and issues, from the registry's definitions; pure, any process.
import type { ParameterShape } from '../layers/layerDefinition.js';
import { definitionOf } from '../layers/registry.js';
import { shapeSize, type Shape } from '../layers/shape.js';
import type { LayerType, NetworkSpec } from '../spec.js';
import type { SpecIssue } from './specIssue.js';

/** One layer as the tracer sees it. */
export interface LayerDescription {
  /** The layer's index in `spec.layers`, counted from 0. */
  index: number;
  type: LayerType;
  inputShape: Shape;
  outputShape: Shape;
  parameterShapes: readonly ParameterShape[];
  /** The number of trainable values: the sizes of its parameter shapes added up. */
  parameters: number;
}

export interface NetworkDescription {
  layers: LayerDescription[];
  /** What the last layer gives (the input's shape for a network without layers). */
  outputShape: Shape;
  parameterCount: number;
  /** Every layer whose input does not fit, at `spec.layers.N`, in order; layers are named from 1 ("layer 3 (linear)"). */
  issues: SpecIssue[];
}

/** The shape of one input sample of `spec`. */
export function inputShapeOf(spec: NetworkSpec): Shape {
  return spec.inputShape ?? [spec.input];
}

/**
 * Walks `spec` from its input through every layer: each layer's input and output shape, parameter shapes and count,
 * and a message at `spec.layers.N` for each layer whose input does not fit. A layer that does not fit still gives the
 * shape its settings say, so the layers after it are traced too.
 */
export function describeLayers(spec: NetworkSpec): NetworkDescription {
  const issues: SpecIssue[] = [];
  let shape = inputShapeOf(spec);
  const layers = spec.layers.map((layer, index): LayerDescription => {
    const definition = definitionOf(layer);
    const source = index === 0 ? 'the network input' : `layer ${index} (${spec.layers[index - 1]!.type})`;
    const issue = definition.inputIssue(layer, shape, { layer: `layer ${index + 1} (${layer.type})`, source });
    if (issue !== undefined) issues.push({ message: issue, field: `spec.layers.${index}` });
    const parameterShapes = definition.parameterShapes(layer, shape);
    const description: LayerDescription = {
      index,
      type: layer.type,
      inputShape: shape,
      outputShape: definition.outputShape(layer, shape),
      parameterShapes,
      parameters: parameterShapes.reduce((sum, parameter) => sum + shapeSize(parameter.shape), 0),
    };
    shape = description.outputShape;
    return description;
  });
  return { layers, outputShape: shape, parameterCount: layers.reduce((sum, layer) => sum + layer.parameters, 0), issues };
}
