// The work family of the protocol: stop any request in progress by its requestId; pure, any process.
import { z } from 'zod';

/**
 * Stops the request whose requestId this is (a gradient check, a grid, a descent, a landscape, …). The stopped request
 * is answered by an error event with its requestId and code "stopped"; a request already answered is left alone, and
 * the stop itself gets no answer. Training runs stop with train.stop (by runId).
 */
export const WorkStopSchema = z.object({ type: z.literal('work.stop'), requestId: z.string().min(1) }).strict();
export type WorkStop = z.infer<typeof WorkStopSchema>;
