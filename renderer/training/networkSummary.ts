// A NetworkSpec as a readable layer list — each layer's shapes and parameter count — for the renderer's layer table.
import { layerSpecTitle } from '../../engine/layers/registry.js';
import { formatShape, shapeSize } from '../../engine/layers/shape.js';
import { describeLayers, inputShapeOf } from '../../engine/network/describeLayers.js';
import type { NetworkSpec } from '../../engine/spec.js';

export interface LayerRow {
  /** The layer's index in `spec.layers`, counted from 0. */
  index: number;
  name: string;
  inputs: number;
  outputs: number;
  /** The shapes it takes and gives, as the builder writes them: "1×8×8" and "8×8×8", "64" and "32". */
  inputShape: string;
  outputShape: string;
  parameters: number;
  /** e.g. "64 × 32 + 32" for a Linear layer, "" for an activation. */
  parameterFormula: string;
}

export interface NetworkSummary {
  input: number;
  /** The input's shape as the lab writes it ("1×28×28", "64"). */
  inputShape: string;
  rows: LayerRow[];
  totalParameters: number;
}

/** Each layer's shapes and parameters as the engine's shape tracer gives them; a parameter formula adds up the parameter shapes. */
export function summarizeNetwork(spec: NetworkSpec): NetworkSummary {
  const { layers, parameterCount } = describeLayers(spec);
  const rows = layers.map((layer): LayerRow => ({
    index: layer.index,
    name: layerSpecTitle(spec.layers[layer.index]!),
    inputs: shapeSize(layer.inputShape),
    outputs: shapeSize(layer.outputShape),
    inputShape: formatShape(layer.inputShape),
    outputShape: formatShape(layer.outputShape),
    parameters: layer.parameters,
    parameterFormula: layer.parameterShapes.map((parameter) => parameter.shape.join(' × ')).join(' + '),
  }));
  return { input: spec.input, inputShape: formatShape(inputShapeOf(spec)), rows, totalParameters: parameterCount };
}
