// A network's trained state as named tensors (layer index, parameter name, shape, values) and its schema; pure, any process.
import { z } from 'zod';
import { formatShape, shapeSize } from './layers/shape.js';
import { Float64ArraySchema } from './protocol/typedArrays.js';
import { NetworkSpecSchema, type NetworkSpec } from './spec.js';

/**
 * One trained parameter of one layer, e.g. a Linear layer's W ([inputs, units], row-major, so y = x·W + b) or its
 * b ([units]). The values are in C order: the last axis varies fastest.
 */
export interface NamedTensor {
  /** The layer's index in `NetworkSpec.layers`, counted from 0. */
  layer: number;
  /** The parameter's name within its layer ("W", "b", …). */
  name: string;
  shape: number[];
  values: Float64Array;
}

/**
 * A network and its trained parameters: what weights files hold and what a finished run hands back. The tensors are
 * in the network's order (by layer, then in the order the layer lists its parameters), so their values laid end to
 * end are the flattened parameter vector.
 */
export interface TrainedWeights {
  spec: NetworkSpec;
  parameters: NamedTensor[];
}

/** The number of trained values in `weights`, over every tensor. */
export function parameterCount(weights: TrainedWeights): number {
  return weights.parameters.reduce((count, tensor) => count + tensor.values.length, 0);
}

/** The tensor `name` of layer `layer`, or undefined when the weights hold none. */
export function findTensor(weights: TrainedWeights, layer: number, name: string): NamedTensor | undefined {
  return weights.parameters.find((tensor) => tensor.layer === layer && tensor.name === name);
}

/** The first value of `weights` that is NaN or infinite: which tensor, its flat index and its place by the tensor's shape ("[0, 3]"). */
export function firstNonFinite(weights: TrainedWeights): { tensorIndex: number; tensor: NamedTensor; index: number; place: string; value: number } | undefined {
  for (let t = 0; t < weights.parameters.length; t++) {
    const tensor = weights.parameters[t]!;
    const index = tensor.values.findIndex((value) => !Number.isFinite(value));
    if (index < 0) continue;
    const place: number[] = [];
    let rest = index;
    for (let axis = tensor.shape.length - 1; axis >= 0; axis--) {
      place.unshift(rest % tensor.shape[axis]!);
      rest = Math.floor(rest / tensor.shape[axis]!);
    }
    return { tensorIndex: t, tensor, index, place: `[${place.join(', ')}]`, value: tensor.values[index]! };
  }
  return undefined;
}

/** Whether every trained value of `weights` is a finite number (files that are JSON can only hold such weights). */
export function hasFiniteWeights(weights: TrainedWeights): boolean {
  return weights.parameters.every((tensor) => tensor.values.every(Number.isFinite));
}

export const NamedTensorSchema = z
  .object({
    layer: z.number().int().nonnegative(),
    name: z.string().min(1, 'a parameter needs a name'),
    shape: z.array(z.number().int().nonnegative()),
    values: Float64ArraySchema,
  })
  .strict()
  .superRefine((tensor, context) => {
    const size = shapeSize(tensor.shape);
    if (tensor.values.length !== size) {
      context.addIssue({
        code: 'custom',
        path: ['values'],
        message: `holds ${tensor.values.length} values but its shape ${formatShape(tensor.shape)} needs ${size}`,
      });
    }
  });

export const TrainedWeightsSchema = z
  .object({
    spec: NetworkSpecSchema,
    parameters: z.array(NamedTensorSchema),
  })
  .strict();
