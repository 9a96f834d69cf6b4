// The one shape tracer: each layer's input and output shape, parameters and issues, from the registry's definitions; pure, any process.
import type { ParameterShape } from '../layers/layerDefinition.js';
import { definitionOf } from '../layers/registry.js';
import { shapeSize, type Shape } from '../layers/shape.js';
import type { LayerType, NetworkSpec } from '../spec.js';
import type { SpecIssue } from './specIssue.js';

/**
 * One layer as the tracer sees it. A shape or count is undefined where it cannot be known: after a layer whose input does
 * not fit and whose settings alone do not say what it gives (a pooling given a vector), and for a layer that does not fit.
 */
export interface LayerDescription {
  /** The layer's index in `spec.layers`, counted from 0. */
  index: number;
  type: LayerType;
  inputShape: Shape | undefined;
  outputShape: Shape | undefined;
  parameterShapes: readonly ParameterShape[] | undefined;
  /** The number of trainable values: the sizes of its parameter shapes added up. */
  parameters: number | undefined;
}

/** A layer of a network whose shapes all fit: everything known. */
export interface FittedLayer {
  index: number;
  type: LayerType;
  inputShape: Shape;
  outputShape: Shape;
  parameterShapes: readonly ParameterShape[];
  parameters: number;
}

export interface NetworkDescription {
  layers: LayerDescription[];
  /** What the last layer gives (the input's shape for a network without layers); undefined when it cannot be known. */
  outputShape: Shape | undefined;
  /** Undefined when some layer's parameters cannot be known. */
  parameterCount: number | undefined;
  /** Every layer whose input does not fit, at `spec.layers.N`, in order; layers are named from 1 ("layer 3 (linear)"). */
  issues: SpecIssue[];
}

/** The description of a network whose shapes all fit. */
export interface FittedNetwork {
  layers: FittedLayer[];
  outputShape: Shape;
  parameterCount: number;
}

/** The shape of one input sample of `spec`. */
export function inputShapeOf(spec: NetworkSpec): Shape {
  return spec.inputShape ?? [spec.input];
}

const sizeOf = (parameterShapes: readonly ParameterShape[]) => parameterShapes.reduce((sum, parameter) => sum + shapeSize(parameter.shape), 0);

/**
 * Walks `spec` from its input through every layer: each layer's input and output shape, parameter shapes and count,
 * and a message at `spec.layers.N` for each layer whose input does not fit. A layer that does not fit gives what its
 * settings alone say (a Linear is still UNITS wide, see `misfitShapes`) or an unknown shape; a layer whose input is
 * unknown gets no message of its own, and gives what its settings say or an unknown shape too.
 */
export function describeLayers(spec: NetworkSpec): NetworkDescription {
  const issues: SpecIssue[] = [];
  let shape: Shape | undefined = inputShapeOf(spec);
  const layers = spec.layers.map((layer, index): LayerDescription => {
    const definition = definitionOf(layer);
    const inputShape = shape;
    let outputShape: Shape | undefined;
    let parameterShapes: readonly ParameterShape[] | undefined;
    const source = index === 0 ? 'the network input' : `layer ${index} (${spec.layers[index - 1]!.type})`;
    const issue = inputShape && definition.inputIssue(layer, inputShape, { layer: `layer ${index + 1} (${layer.type})`, source });
    if (issue) issues.push({ message: issue, field: `spec.layers.${index}` });
    if (inputShape && !issue) {
      outputShape = definition.outputShape(layer, inputShape);
      parameterShapes = definition.parameterShapes(layer, inputShape);
    } else {
      const misfit = definition.misfitShapes?.(layer);
      outputShape = misfit?.output;
      parameterShapes = misfit?.parameterShapes;
    }
    shape = outputShape;
    return { index, type: layer.type, inputShape, outputShape, parameterShapes, parameters: parameterShapes && sizeOf(parameterShapes) };
  });
  const counts = layers.map((layer) => layer.parameters);
  const parameterCount = counts.every((count) => count !== undefined) ? counts.reduce((sum, count) => sum + count, 0) : undefined;
  return { layers, outputShape: shape, parameterCount, issues };
}

/** `description` with every shape and count known, or undefined when some layer does not fit. */
export function fitted(description: NetworkDescription): FittedNetwork | undefined {
  if (description.issues.length > 0 || description.outputShape === undefined || description.parameterCount === undefined) return undefined;
  const layers: FittedLayer[] = [];
  for (const { index, type, inputShape, outputShape, parameterShapes, parameters } of description.layers) {
    if (!inputShape || !outputShape || !parameterShapes || parameters === undefined) return undefined;
    layers.push({ index, type, inputShape, outputShape, parameterShapes, parameters });
  }
  return { layers, outputShape: description.outputShape, parameterCount: description.parameterCount };
}
