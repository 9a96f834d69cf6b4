// The gradient-check family of the protocol: check a layer, a loss or a network against central differences; pure, any process.
import { z } from 'zod';
import { GradcheckVariantSchema } from '../gradcheck/gradcheckVariants.js';
import { LossNameSchema } from '../losses/lossNames.js';
import { LayerSpecSchema, NetworkSpecSchema } from '../spec.js';
import { Float64ArraySchema } from './typedArrays.js';
import { MAX_GRADCHECK_ROWS, MAX_GRADCHECK_WIDTH } from '../limits.js';

/** What to check: one layer on a random batch, one loss, or a whole network with its loss. */
export const GradcheckSubjectSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('layer'),
      layer: LayerSpecSchema,
      inputs: z.number().int().positive().max(MAX_GRADCHECK_WIDTH),
      /** An image input's channels × height × width (their product is `inputs`); a vector of `inputs` values when absent. */
      inputShape: z.array(z.number().int().positive()).length(3, 'an input shape is channels × height × width').optional(),
      rows: z.number().int().positive().max(MAX_GRADCHECK_ROWS),
    })
    .strict()
    .refine((subject) => subject.inputShape === undefined || subject.inputShape.reduce((a, b) => a * b, 1) === subject.inputs, {
      message: 'the input shape must hold exactly `inputs` values (channels × height × width = inputs)',
      path: ['inputShape'],
    }),
  z
    .object({
      kind: z.literal('loss'),
      loss: LossNameSchema,
      width: z.number().int().positive().max(MAX_GRADCHECK_WIDTH),
      rows: z.number().int().positive().max(MAX_GRADCHECK_ROWS),
    })
    .strict(),
  z
    .object({ kind: z.literal('network'), spec: NetworkSpecSchema, loss: LossNameSchema.optional(), rows: z.number().int().positive().max(MAX_GRADCHECK_ROWS) })
    .strict(),
]);
export type GradcheckSubject = z.infer<typeof GradcheckSubjectSchema>;

export const GradcheckRunSchema = z
  .object({
    type: z.literal('gradcheck.run'),
    requestId: z.string().min(1),
    subject: GradcheckSubjectSchema,
    variant: GradcheckVariantSchema.optional(),
    seed: z
      .number()
      .int()
      .nonnegative()
      .max(2 ** 32 - 1),
    epsilon: z.number().positive().optional(),
  })
  .strict();
export type GradcheckRun = z.infer<typeof GradcheckRunSchema>;

/**
 * One checked gradient: the L2 error as scipy's check_grad reports it, the relative error, the worst entry, and each
 * entry's relative error in C order of `shape` (left out when the report's gradients hold over MAX_GRADCHECK_ENTRIES).
 */
export const GradientCheckSchema = z
  .object({
    name: z.string(),
    size: z.number().int(),
    shape: z.array(z.number().int().nonnegative()),
    entries: Float64ArraySchema.optional(),
    error: z.number(),
    relativeError: z.number(),
    ok: z.boolean(),
    worst: z.object({ index: z.number().int(), analytic: z.number(), numerical: z.number() }).strict(),
  })
  .strict();
export type GradientCheck = z.infer<typeof GradientCheckSchema>;

export const GradcheckReportSchema = z
  .object({
    type: z.literal('gradcheck.report'),
    requestId: z.string(),
    variant: GradcheckVariantSchema,
    /** A check passes when its relative error is below this. */
    threshold: z.number(),
    /** Each entry's relative error is marked against this: the exercise's 1e-5. */
    entryThreshold: z.number(),
    checks: z.array(GradientCheckSchema),
  })
  .strict();
export type GradcheckReport = z.infer<typeof GradcheckReportSchema>;
