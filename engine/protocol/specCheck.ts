// The spec-check family of the protocol: a network checked as a builder edits it; pure, any process.
import { z } from 'zod';
import { DataSourceSchema } from '../data/dataSource.js';
import { ExtraFeaturesSchema } from '../data/extraFeatures.js';
import { LossNameSchema } from '../losses/lossNames.js';
import { NetworkSpecSchema } from '../spec.js';

/** Checks a network: each layer's shape and parameter count, and every problem (with the data set's, if given). */
export const SpecCheckSchema = z
  .object({
    type: z.literal('spec.check'),
    requestId: z.string().min(1),
    spec: NetworkSpecSchema,
    dataSet: DataSourceSchema.optional(),
    loss: LossNameSchema.optional(),
    /** The extra features the data set would get (they widen its input). */
    extraFeatures: ExtraFeaturesSchema.optional(),
  })
  .strict();
export type SpecCheck = z.infer<typeof SpecCheckSchema>;

/** A network's layers as they fit together: widths, parameter counts, and every problem with the field it belongs to. */
export const SpecReportSchema = z
  .object({
    type: z.literal('spec.report'),
    requestId: z.string(),
    layers: z.array(
      z
        .object({
          index: z.number().int(),
          type: z.string(),
          /** Each of these is absent where it cannot be known: after a layer whose input does not fit (see describeLayers). */
          inputs: z.number().int().optional(),
          outputs: z.number().int().optional(),
          /** The shape of one sample in and out: [n] for a vector, [C, H, W] for an image. */
          inputShape: z.array(z.number().int()).optional(),
          outputShape: z.array(z.number().int()).optional(),
          parameters: z.number().int().optional(),
        })
        .strict(),
    ),
    /** Absent when some layer's parameters cannot be known. */
    parameterCount: z.number().int().optional(),
    /** The loss training would use (the request's, or the default for the last layer). */
    loss: LossNameSchema,
    issues: z.array(z.object({ message: z.string(), field: z.string() }).strict()),
    /** Designs that train but train badly (a softmax first, dropout after the output, a loss that falls back to MSE), with where. */
    warnings: z.array(z.object({ message: z.string(), field: z.string() }).strict()),
  })
  .strict();
export type SpecReport = z.infer<typeof SpecReportSchema>;
