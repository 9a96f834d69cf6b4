// NetworkSpec: the one schema of a network shared by the builder UI, the protocol, project files and exports (any process).
import { z } from 'zod';
import { LayerSpecSchema } from './layers/registry.js';

export { INIT_SCHEMES, type InitScheme } from './layers/initialisation.js';
export { LinearSpecSchema, type LinearSpec } from './layers/linearDefinition.js';
export { LAYER_TYPES, LayerSpecSchema, type LayerSpec, type LayerType } from './layers/registry.js';

/**
 * A sequential network: the width of its input and its layers in order. An image input also gives its shape,
 * channels × height × width (`inputShape`, whose product is `input`): the samples are those values row-major (NCHW).
 */
export const NetworkSpecSchema = z
  .object({
    input: z.number().int().positive(),
    inputShape: z.array(z.number().int().positive()).length(3, 'an input shape is channels × height × width').optional(),
    layers: z.array(LayerSpecSchema).min(1, 'a network needs at least one layer'),
  })
  .strict()
  .refine((spec) => spec.inputShape === undefined || spec.inputShape.reduce((a, b) => a * b, 1) === spec.input, {
    message: 'the input shape must hold exactly the input width (channels × height × width = input)',
    path: ['inputShape'],
  });

export type NetworkSpec = z.infer<typeof NetworkSpecSchema>;
