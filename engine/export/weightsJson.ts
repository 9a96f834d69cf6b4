// Trained weights as plain JSON (the NetworkSpec plus every named tensor, its values nested by its shape); pure, any process.
import type { NetworkSpec } from '../spec.js';
import type { NamedTensor, TrainedWeights } from '../trainedWeights.js';
import { numberText } from './numberText.js';

/** The version of the weights.json document this lab writes; version 1 files (one record per Linear layer) are still read. */
export const WEIGHTS_VERSION = 2;

/** Numbers nested as a tensor's shape says: a [4, 32] tensor is 4 lists of 32 numbers, a [3] tensor a list of 3, a scalar a number. */
export type NestedValues = number | NestedValues[];

/**
 * The weights.json document: each parameter of each layer with its layer index, name and shape; a Linear layer's W is
 * [inputs, units] (a list of `inputs` rows of `units` numbers, so y = x·W + b) and its b is [units].
 */
export interface WeightsDocument {
  format: 'backprop-lab-weights';
  version: typeof WEIGHTS_VERSION;
  spec: NetworkSpec;
  parameters: { layer: number; name: string; shape: number[]; values: NestedValues }[];
}

/** The values of `shape` from `offset` on, nested as the shape says, each number passed through `leaf`. */
function nested<T>(values: Float64Array, shape: readonly number[], leaf: (value: number) => T, join: (items: T[]) => T, offset = 0): T {
  if (shape.length === 0) return leaf(values[offset]!);
  const [count, ...rest] = shape;
  const stride = rest.reduce((size, dimension) => size * dimension, 1);
  return join(Array.from({ length: count! }, (_, i) => nested(values, rest, leaf, join, offset + i * stride)));
}

/** Converts trained weights to the weights.json document. */
export function toWeightsDocument(weights: TrainedWeights): WeightsDocument {
  return {
    format: 'backprop-lab-weights',
    version: WEIGHTS_VERSION,
    spec: weights.spec,
    parameters: weights.parameters.map((tensor) => ({
      layer: tensor.layer,
      name: tensor.name,
      shape: [...tensor.shape],
      values: nested<NestedValues>(
        tensor.values,
        tensor.shape,
        (value) => value,
        (items) => items,
      ),
    })),
  };
}

function tensorText(tensor: NamedTensor): string {
  const values = nested(tensor.values, tensor.shape, numberText, (items) => `[${items.join(',')}]`);
  return `{"layer":${tensor.layer},"name":${JSON.stringify(tensor.name)},"shape":${JSON.stringify(tensor.shape)},"values":${values}}`;
}

/**
 * The weights.json text. Every number reads back bit for bit (JavaScript prints the shortest text that round-trips a
 * double, and −0 is kept); a non-finite value is written as null, which the reader refuses with a clear message.
 */
export function weightsJsonText(weights: TrainedWeights): string {
  const parameters = weights.parameters.map(tensorText).join(',');
  return `{"format":"backprop-lab-weights","version":${WEIGHTS_VERSION},"spec":${JSON.stringify(weights.spec)},"parameters":[${parameters}]}\n`;
}
