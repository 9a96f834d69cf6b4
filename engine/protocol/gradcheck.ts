// The gradient-check family of the protocol: check a layer, a loss or a network against central differences; pure, any process.
import { z } from 'zod';
import { GradcheckVariantSchema } from '../gradcheck/gradcheckVariants.js';
import { LossNameSchema } from '../losses/lossNames.js';
import { LayerSpecSchema, NetworkSpecSchema } from '../spec.js';

/** What to check: one layer on a random batch, one loss, or a whole network with its loss. */
export const GradcheckSubjectSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('layer'),
      layer: LayerSpecSchema,
      inputs: z.number().int().positive().max(4096),
      /** An image input's channels × height × width (their product is `inputs`); a vector of `inputs` values when absent. */
      inputShape: z.array(z.number().int().positive()).length(3, 'an input shape is channels × height × width').optional(),
      rows: z.number().int().positive().max(256),
    })
    .strict()
    .refine((subject) => subject.inputShape === undefined || subject.inputShape.reduce((a, b) => a * b, 1) === subject.inputs, {
      message: 'the input shape must hold exactly `inputs` values (channels × height × width = inputs)',
      path: ['inputShape'],
    }),
  z
    .object({ kind: z.literal('loss'), loss: LossNameSchema, width: z.number().int().positive().max(4096), rows: z.number().int().positive().max(256) })
    .strict(),
  z.object({ kind: z.literal('network'), spec: NetworkSpecSchema, loss: LossNameSchema.optional(), rows: z.number().int().positive().max(256) }).strict(),
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

/** One checked gradient: the L2 error as scipy's check_grad reports it, the relative error, and the worst entry. */
export const GradientCheckSchema = z
  .object({
    name: z.string(),
    size: z.number().int(),
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
    checks: z.array(GradientCheckSchema),
  })
  .strict();
export type GradcheckReport = z.infer<typeof GradcheckReportSchema>;
