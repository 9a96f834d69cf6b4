// The describe family of the protocol: what the engine offers (functions, surfaces, data sets, layer types, optimizers); pure.
import { z } from 'zod';
import { BoundsSchema } from './surfaces.js';

/** Asks what the engine offers. */
export const DescribeSchema = z.object({ type: z.literal('engine.describe'), requestId: z.string().min(1) }).strict();
export type Describe = z.infer<typeof DescribeSchema>;

const SurfaceInfoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    formula: z.string(),
    bounds: BoundsSchema,
    start: z.object({ x: z.number(), y: z.number() }),
    minima: z.array(z.object({ x: z.number(), y: z.number() })),
  })
  .strict();
const FunctionInfoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    formula: z.string(),
    kind: z.enum(['activation', 'loss']),
    domain: z.tuple([z.number(), z.number()]),
    kinks: z.array(z.number()),
    /** The argument's symbol ("x", "p", "z") and its axis label ("Prediction p"). */
    variable: z.object({ symbol: z.string(), label: z.string() }).strict(),
  })
  .strict();
const DataSetInfoSchema = z
  .object({
    name: z.string(),
    description: z.string(),
    inputs: z.number(),
    classes: z.array(z.string()),
    size: z.number(),
    /** For image data: one sample's channels × height × width, the input shape a convolution reads it with. */
    imageShape: z.array(z.number().int().positive()).length(3).optional(),
  })
  .strict();

export const CatalogSchema = z
  .object({
    type: z.literal('engine.catalog'),
    requestId: z.string(),
    functions: z.array(FunctionInfoSchema),
    surfaces: z.array(SurfaceInfoSchema),
    dataSets: z.array(DataSetInfoSchema),
    toyDataSets: z.array(z.string()),
    optimizers: z.array(z.string()),
    layerTypes: z.array(z.string()),
  })
  .strict();
export type Catalog = z.infer<typeof CatalogSchema>;
