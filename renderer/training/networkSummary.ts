// A NetworkSpec as a readable layer list — each layer's shapes and parameter count — for the renderer's layer table.
import type { NetworkSpec } from '../../engine/spec.js';

export interface LayerRow {
  /** The layer's index in `spec.layers`, counted from 0. */
  index: number;
  name: string;
  inputs: number;
  outputs: number;
  parameters: number;
  /** e.g. "64 × 32 + 32" for a Linear layer, "" for an activation. */
  parameterFormula: string;
}

export interface NetworkSummary {
  input: number;
  rows: LayerRow[];
  totalParameters: number;
}

const LAYER_NAMES = {
  relu: 'ReLU', leaky_relu: 'Leaky ReLU', sigmoid: 'Sigmoid', tanh: 'Tanh', softmax: 'Softmax', dropout: 'Dropout',
} as const;

/** Walks the layers in order; a Linear layer maps its inputs to `units` outputs with a weight matrix and a bias. */
export function summarizeNetwork(spec: NetworkSpec): NetworkSummary {
  let width = spec.input;
  const rows = spec.layers.map((layer, index): LayerRow => {
    const inputs = width;
    if (layer.type === 'linear') {
      width = layer.units;
      return {
        index, name: 'Linear', inputs, outputs: layer.units,
        parameters: inputs * layer.units + layer.units,
        parameterFormula: `${inputs} × ${layer.units} + ${layer.units}`,
      };
    }
    return { index, name: LAYER_NAMES[layer.type], inputs, outputs: inputs, parameters: 0, parameterFormula: '' };
  });
  return { input: spec.input, rows, totalParameters: rows.reduce((sum, row) => sum + row.parameters, 0) };
}
