// Trained weights as plain JSON (the NetworkSpec plus every Linear layer's W as rows and b); pure, any process.
import type { TrainedWeights } from '../spec.js';

/** The weights.json document: W is a list of `inputs` rows of `units` numbers, so y = x·W + b. */
export interface WeightsDocument {
  format: 'backprop-lab-weights';
  version: 1;
  spec: TrainedWeights['spec'];
  layers: { index: number; inputs: number; units: number; W: number[][]; b: number[] }[];
}

/** Converts trained weights to the weights.json document. */
export function toWeightsDocument(weights: TrainedWeights): WeightsDocument {
  return {
    format: 'backprop-lab-weights',
    version: 1,
    spec: weights.spec,
    layers: weights.layers.map((layer) => ({
      index: layer.index,
      inputs: layer.inputs,
      units: layer.units,
      W: Array.from({ length: layer.inputs }, (_, row) => Array.from(layer.W.subarray(row * layer.units, (row + 1) * layer.units))),
      b: Array.from(layer.b),
    })),
  };
}
