// Makes the parser of incoming requests from a union of request schemas: the request, or an error event that names what is wrong; pure, any process.
import type { z } from 'zod';
import { describeIssue } from './describeIssue.js';
import type { ErrorEvent } from './errors.js';

/** An incoming request parsed: the request, or the error event that answers it. */
export type ParsedRequest<Request> = { ok: true; request: Request } | { ok: false; error: ErrorEvent };

/** The parser of requests `schema` takes (the protocol's union of every request, or a union of some of its families). */
export function requestParser<Request>(schema: z.ZodType<Request>): (data: unknown) => ParsedRequest<Request> {
  return (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { ok: true, request: result.data };
    const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
    const requestId = typeof record.requestId === 'string' ? record.requestId : undefined;
    const runId = requestId === undefined && typeof record.runId === 'string' ? record.runId : undefined;
    const { message, field } = describeIssue(result.error);
    return { ok: false, error: { type: 'error', runId, requestId, message: `bad request: ${message}`, field } };
  };
}
