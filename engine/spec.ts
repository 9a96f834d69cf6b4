// NetworkSpec: the one schema of a network shared by the builder UI, the protocol, project files and exports (any process).
import { z } from 'zod';

/** How a Linear layer's weights are drawn: Glorot/Xavier uniform (default), He normal, or the exercise's too-small √(6/(n_in·n_out)) scale. */
export const INIT_SCHEMES = ['xavier', 'he', 'exercise'] as const;
export const InitSchemeSchema = z.enum(INIT_SCHEMES);
export type InitScheme = z.infer<typeof InitSchemeSchema>;

/** A fully connected layer y = x·W + b. `inputs` is optional: when given, it must match what the previous layer gives. */
export const LinearSpecSchema = z.object({
  type: z.literal('linear'),
  inputs: z.number().int().positive().optional(),
  units: z.number().int().positive(),
  init: InitSchemeSchema.optional(),
}).strict();

export const ReluSpecSchema = z.object({ type: z.literal('relu') }).strict();
/** max(αx, x); α defaults to 0.01. */
export const LeakyReluSpecSchema = z.object({
  type: z.literal('leaky_relu'),
  alpha: z.number().min(0, 'alpha must be 0 or more').max(1, 'alpha must be below 1').optional(),
}).strict();
export const SigmoidSpecSchema = z.object({ type: z.literal('sigmoid') }).strict();
export const TanhSpecSchema = z.object({ type: z.literal('tanh') }).strict();
/** Softmax over each row; trained with categorical cross-entropy, fused for numerical stability. */
export const SoftmaxSpecSchema = z.object({ type: z.literal('softmax') }).strict();
/** Inverted dropout: in training each value is zeroed with probability `rate` and the rest scaled by 1/(1 − rate); identity in evaluation. */
export const DropoutSpecSchema = z.object({
  type: z.literal('dropout'),
  rate: z.number().min(0, 'the dropout rate must be 0 or more').lt(1, 'the dropout rate must be below 1'),
}).strict();

export const LayerSpecSchema = z.discriminatedUnion('type', [
  LinearSpecSchema, ReluSpecSchema, LeakyReluSpecSchema, SigmoidSpecSchema, TanhSpecSchema, SoftmaxSpecSchema, DropoutSpecSchema,
]);
export const LAYER_TYPES = ['linear', 'relu', 'leaky_relu', 'sigmoid', 'tanh', 'softmax', 'dropout'] as const;

/** A sequential network: the width of its input and its layers in order. */
export const NetworkSpecSchema = z.object({
  input: z.number().int().positive(),
  layers: z.array(LayerSpecSchema).min(1, 'a network needs at least one layer'),
}).strict();

export type LinearSpec = z.infer<typeof LinearSpecSchema>;
export type LayerSpec = z.infer<typeof LayerSpecSchema>;
export type LayerType = LayerSpec['type'];
export type NetworkSpec = z.infer<typeof NetworkSpecSchema>;
