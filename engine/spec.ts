// NetworkSpec: the one schema of a network shared by the builder UI, the protocol, project files and exports (any process).
import { z } from 'zod';
import { LayerSpecSchema } from './layers/registry.js';

export { INIT_SCHEMES, type InitScheme } from './layers/initialisation.js';
export { LinearSpecSchema, type LinearSpec } from './layers/linearDefinition.js';
export { LAYER_TYPES, LayerSpecSchema, type LayerSpec, type LayerType } from './layers/registry.js';

/** A sequential network: the width of its input and its layers in order. */
export const NetworkSpecSchema = z.object({
  input: z.number().int().positive(),
  layers: z.array(LayerSpecSchema).min(1, 'a network needs at least one layer'),
}).strict();

export type NetworkSpec = z.infer<typeof NetworkSpecSchema>;

/** The trained parameters of one Linear layer; W is row-major inputs×units, so that y = x·W + b. */
export interface LinearParameters {
  /** The layer's index in `NetworkSpec.layers`, counted from 0. */
  index: number;
  inputs: number;
  units: number;
  W: Float64Array;
  b: Float64Array;
}

/** A network and its parameters: what weights files hold and what a finished run hands back. */
export interface TrainedWeights {
  spec: NetworkSpec;
  layers: LinearParameters[];
}

export const LinearParametersSchema = z.object({
  index: z.number().int().nonnegative(),
  inputs: z.number().int().positive(),
  units: z.number().int().positive(),
  W: z.custom<Float64Array>((value) => value instanceof Float64Array, { message: 'expected a Float64Array' }),
  b: z.custom<Float64Array>((value) => value instanceof Float64Array, { message: 'expected a Float64Array' }),
}).strict();

export const TrainedWeightsSchema = z.object({
  spec: NetworkSpecSchema,
  layers: z.array(LinearParametersSchema),
}).strict();
