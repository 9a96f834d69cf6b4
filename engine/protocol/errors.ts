// The error event any request may be answered with; pure, any process.
import { z } from 'zod';

/**
 * What a program may do about an error: unknown-table, unknown-run and unknown-files mean the engine no longer has a CSV
 * table, a run's weights or a page's picked image files (it restarted, or let them go) and the request should be sent again with them; too-large means the
 * message exceeded a size limit (the connection stays open); stopped means the request was stopped (work.stop) before it
 * finished; over-budget means the request would need more memory or work than the engine's budget allows.
 */
export const ERROR_CODES = ['unknown-table', 'unknown-run', 'unknown-files', 'too-large', 'stopped', 'over-budget'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Something went wrong with a request. `field` names the input at fault (e.g. "hyper.learningRate", "spec.layers.2",
 * "surface") when there is one; `column` points into a typed expression; `code` is set when a program can act on it.
 */
export const ErrorEventSchema = z
  .object({
    type: z.literal('error'),
    runId: z.string().optional(),
    requestId: z.string().optional(),
    message: z.string(),
    field: z.string().optional(),
    column: z.number().int().positive().optional(),
    code: z.enum(ERROR_CODES).optional(),
  })
  .strict();
export type ErrorEvent = z.infer<typeof ErrorEventSchema>;
