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

/** A number as JSON text that parses back to the same double: like JSON.stringify, but −0 stays −0 (and NaN or ±∞, which JSON cannot hold, become null). */
function numberText(value: number): string {
  return Object.is(value, -0) ? '-0' : JSON.stringify(value);
}

/**
 * The weights.json text. Every number reads back bit for bit (JavaScript prints the shortest text that round-trips a
 * double, and −0 is kept); a non-finite value is written as null, which the reader refuses with a clear message.
 */
export function weightsJsonText(weights: TrainedWeights): string {
  const document = toWeightsDocument(weights);
  const layers = document.layers.map((layer) => {
    const rows = layer.W.map((row) => `[${row.map(numberText).join(',')}]`).join(',');
    return `{"index":${layer.index},"inputs":${layer.inputs},"units":${layer.units},"W":[${rows}],"b":[${layer.b.map(numberText).join(',')}]}`;
  });
  return `{"format":"backprop-lab-weights","version":1,"spec":${JSON.stringify(document.spec)},"layers":[${layers.join(',')}]}\n`;
}
