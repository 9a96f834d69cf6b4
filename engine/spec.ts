// NetworkSpec: the one schema of a network shared by the builder UI, the protocol, project files and exports (any process).
import { z } from 'zod';

/** A fully connected layer y = x·W + b. `inputs` is optional: when given, it must match what the previous layer gives. */
export const LinearSpecSchema = z.object({
  type: z.literal('linear'),
  inputs: z.number().int().positive().optional(),
  units: z.number().int().positive(),
}).strict();

export const ReluSpecSchema = z.object({ type: z.literal('relu') }).strict();
export const SigmoidSpecSchema = z.object({ type: z.literal('sigmoid') }).strict();

export const LayerSpecSchema = z.discriminatedUnion('type', [LinearSpecSchema, ReluSpecSchema, SigmoidSpecSchema]);

/** A sequential network: the width of its input and its layers in order. */
export const NetworkSpecSchema = z.object({
  input: z.number().int().positive(),
  layers: z.array(LayerSpecSchema).min(1, 'a network needs at least one layer'),
}).strict();

export type LinearSpec = z.infer<typeof LinearSpecSchema>;
export type LayerSpec = z.infer<typeof LayerSpecSchema>;
export type LayerType = LayerSpec['type'];
export type NetworkSpec = z.infer<typeof NetworkSpecSchema>;

/** The trained parameters of one Linear layer; W is row-major inputs×units, so that y = x·W + b. */
export interface LinearParameters {
  /** The layer's index in `NetworkSpec.layers`, counted from 0. */
  index: number;
  inputs: number;
  units: number;
  W: Float64Array<ArrayBuffer>;
  b: Float64Array<ArrayBuffer>;
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
  W: z.instanceof(Float64Array),
  b: z.instanceof(Float64Array),
}).strict();

export const TrainedWeightsSchema = z.object({
  spec: NetworkSpecSchema,
  layers: z.array(LinearParametersSchema),
}).strict();
