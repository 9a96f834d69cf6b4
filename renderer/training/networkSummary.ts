// A NetworkSpec as a readable layer list — each layer's shapes and parameter count — for the renderer's layer table.
import { layerSpecTitle } from '../../engine/layers/registry.js';
import { formatShape, formatTracedShape, shapeSize } from '../../engine/layers/shape.js';
import { describeLayers, inputShapeOf } from '../../engine/network/describeLayers.js';
import type { NetworkSpec } from '../../engine/spec.js';

export interface LayerRow {
  /** The layer's index in `spec.layers`, counted from 0. */
  index: number;
  name: string;
  /** Undefined where the tracer could not know it (after a layer whose input does not fit); so are the others. */
  inputs: number | undefined;
  outputs: number | undefined;
  /** The shapes it takes and gives, as the builder writes them: "1×8×8" and "8×8×8", "64" and "32", "?" when unknown. */
  inputShape: string;
  outputShape: string;
  parameters: number | undefined;
  /** e.g. "64 × 32 + 32" for a Linear layer, "" for an activation or when unknown. */
  parameterFormula: string;
}

export interface NetworkSummary {
  input: number;
  /** The input's shape as the lab writes it ("1×28×28", "64"). */
  inputShape: string;
  rows: LayerRow[];
  /** Undefined when some layer's parameters are unknown. */
  totalParameters: number | undefined;
}

/** Each layer's shapes and parameters as the engine's shape tracer gives them; a parameter formula adds up the parameter shapes. */
export function summarizeNetwork(spec: NetworkSpec): NetworkSummary {
  const { layers, parameterCount } = describeLayers(spec);
  const rows = layers.map((layer): LayerRow => ({
    index: layer.index,
    name: layerSpecTitle(spec.layers[layer.index]!),
    inputs: layer.inputShape && shapeSize(layer.inputShape),
    outputs: layer.outputShape && shapeSize(layer.outputShape),
    inputShape: formatTracedShape(layer.inputShape),
    outputShape: formatTracedShape(layer.outputShape),
    parameters: layer.parameters,
    parameterFormula: (layer.parameterShapes ?? []).map((parameter) => parameter.shape.join(' × ')).join(' + '),
  }));
  return { input: spec.input, inputShape: formatShape(inputShapeOf(spec)), rows, totalParameters: parameterCount };
}
