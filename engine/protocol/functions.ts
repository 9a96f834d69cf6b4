// The functions family of the protocol: sample an activation or a loss with its derivatives; pure, any process.
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
