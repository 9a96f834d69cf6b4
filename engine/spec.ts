// NetworkSpec: the one schema of a network shared by the builder UI, the protocol, project files and exports (any process).
import { z } from 'zod';
import { LayerSpecSchema } from './layers/registry.js';

export { INIT_SCHEMES, type InitScheme } from './layers/initialisation.js';
export { LinearSpecSchema, type LinearSpec } from './layers/linearDefinition.js';
export { LAYER_TYPES, LayerSpecSchema, type LayerSpec, type LayerType } from './layers/registry.js';

/** A sequential network: the width of its input and its layers in order. */
export const NetworkSpecSchema = z
  .object({
    input: z.number().int().positive(),
    layers: z.array(LayerSpecSchema).min(1, 'a network needs at least one layer'),
  })
  .strict();

export type NetworkSpec = z.infer<typeof NetworkSpecSchema>;
