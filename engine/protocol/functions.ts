// The functions family of the protocol: sample an activation or a loss with its derivatives, and check the user's own activation; pure, any process.
import { z } from 'zod';
import { Float64ArraySchema } from './typedArrays.js';

/** Samples an activation or loss with its symbolic and central-difference derivatives, and the difference's error against epsilon at `at`. */
export const FunctionsSampleSchema = z
  .object({
    type: z.literal('functions.sample'),
    requestId: z.string().min(1),
    functionId: z.string().min(1),
    count: z.number().int().min(2).max(5000),
    epsilon: z.number().positive('epsilon must be a positive number'),
    at: z.number(),
    lo: z.number().optional(),
    hi: z.number().optional(),
  })
  .strict();
export type FunctionsSample = z.infer<typeof FunctionsSampleSchema>;

export const FunctionSamplesSchema = z
  .object({
    type: z.literal('functions.samples'),
    requestId: z.string(),
    functionId: z.string(),
    x: Float64ArraySchema,
    value: Float64ArraySchema,
    symbolic: Float64ArraySchema,
    numerical: Float64ArraySchema,
    /** |central difference − symbolic| at `at` for each epsilon. */
    errorCurve: z.object({ epsilon: Float64ArraySchema, error: Float64ArraySchema }).strict(),
  })
  .strict();
export type FunctionSamples = z.infer<typeof FunctionSamplesSchema>;

/** Compiles the user's own activation f(x), and their f′(x) if typed, samples both beside the exact and central-difference derivatives, and checks the derivative. */
export const FunctionsCheckTypedSchema = z
  .object({
    type: z.literal('functions.checkTyped'),
    requestId: z.string().min(1),
    f: z.string().max(1000),
    df: z.string().max(1000).optional(),
    count: z.number().int().min(2).max(5000),
    epsilon: z.number().positive('epsilon must be a positive number'),
    lo: z.number(),
    hi: z.number(),
  })
  .strict();
export type FunctionsCheckTyped = z.infer<typeof FunctionsCheckTypedSchema>;

/** A derivative checked against central differences of f at `points` midpoints of [−5, 5] (null errors where a value is not finite). */
export const DerivativeCheckSchema = z
  .object({
    ok: z.boolean(),
    error: z.number().nullable(),
    relativeError: z.number().nullable(),
    points: z.number().int(),
    worst: z.object({ x: z.number(), analytic: z.number().nullable(), numerical: z.number().nullable(), error: z.number().nullable() }).strict(),
    problem: z.string().optional(),
  })
  .strict();
export type DerivativeCheckReport = z.infer<typeof DerivativeCheckSchema>;

export const FunctionsTypedCheckedSchema = z
  .object({
    type: z.literal('functions.typedChecked'),
    requestId: z.string(),
    x: Float64ArraySchema,
    value: Float64ArraySchema,
    /** f′ by automatic differentiation of f: exact. */
    symbolic: Float64ArraySchema,
    numerical: Float64ArraySchema,
    /** The typed f′, when there is one. */
    typed: Float64ArraySchema.optional(),
    /** The typed f′'s check, when there is one. */
    typedCheck: DerivativeCheckSchema.optional(),
    /** The lab's own derivative's check (it fails only where f is not smooth or not finite). */
    labCheck: DerivativeCheckSchema,
    /** check_grad's error below which the exercise prints OK. */
    threshold: z.number(),
  })
  .strict();
export type FunctionsTypedChecked = z.infer<typeof FunctionsTypedCheckedSchema>;
