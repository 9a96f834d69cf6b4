// The error event any request may be answered with; pure, any process.
import { z } from 'zod';

/**
 * Something went wrong with a request. `field` names the input at fault (e.g. "hyper.learningRate", "spec.layers.2",
 * "surface") when there is one; `column` points into a typed expression.
 */
export const ErrorEventSchema = z.object({
  type: z.literal('error'),
  runId: z.string().optional(),
  requestId: z.string().optional(),
  message: z.string(),
  field: z.string().optional(),
  column: z.number().int().positive().optional(),
}).strict();
export type ErrorEvent = z.infer<typeof ErrorEventSchema>;
