// Holds messages to the size limits and words the refusal with the limit and the size, at the field at fault; pure, any process.
import { MAX_CSV_CHARS, MAX_EVENT_BYTES, MAX_REQUEST_BYTES, tooLargeMessage } from '../engine/limits.js';
import type { ErrorEvent } from '../engine/protocol/errors.js';
import type { EngineEvent } from '../engine/protocol/index.js';
import { wireSize } from './wire.js';

/** The ids an answer to a (possibly malformed) message carries: its requestId, else its runId. */
export function idsOf(message: unknown): { requestId?: string; runId?: string } {
  const record = typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : {};
  if (typeof record.requestId === 'string') return { requestId: record.requestId };
  return typeof record.runId === 'string' ? { runId: record.runId } : {};
}

/** The path of the field that holds most of a message's bytes, e.g. "dataSet.text" or "weights". */
export function largestField(message: unknown): string | undefined {
  const path: string[] = [];
  let value = message;
  while (typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value)) {
    const fields = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .map(([key, field]) => ({ key, field, size: wireSize(field) }));
    const largest = fields.sort((a, b) => b.size - a.size)[0];
    if (!largest) break;
    path.push(largest.key);
    value = largest.field;
  }
  return path.length ? path.join('.') : undefined;
}

/** Where a request carries a CSV text, and the field that names it. */
function csvTextOf(request: unknown): { text: string; field: string } | undefined {
  const record = typeof request === 'object' && request !== null ? (request as Record<string, unknown>) : {};
  const candidates: [unknown, string][] = [
    [record.dataSet, 'dataSet'],
    [(record.data as Record<string, unknown> | undefined)?.dataSet, 'data.dataSet'],
  ];
  for (const [source, field] of candidates) {
    const text = typeof source === 'object' && source !== null ? (source as Record<string, unknown>).text : undefined;
    if (typeof text === 'string') return { text, field: `${field}.text` };
  }
  return undefined;
}

/**
 * Why a request may not be sent, if so: a CSV longer than the protocol takes ("the CSV file is 70.2 MB; the lab takes
 * at most 64 MB", at the CSV's field), or a message larger than MAX_REQUEST_BYTES (at the field that holds the most).
 */
export function oversizeRequest(request: unknown, size?: number): ErrorEvent | undefined {
  const csv = csvTextOf(request);
  if (csv && csv.text.length > MAX_CSV_CHARS) {
    return { type: 'error', ...idsOf(request), code: 'too-large', field: csv.field, message: tooLargeMessage('the CSV file', csv.text.length, MAX_CSV_CHARS) };
  }
  const bytes = size ?? wireSize(request);
  if (bytes <= MAX_REQUEST_BYTES) return undefined;
  const field = largestField(request);
  return {
    type: 'error',
    ...idsOf(request),
    code: 'too-large',
    ...(field ? { field } : {}),
    message: tooLargeMessage('the request', bytes, MAX_REQUEST_BYTES),
  };
}

/** The ids an answer carries, found near the start of a message's JSON text that is not read whole: its requestId, else its runId. */
export function idsNearStart(text: string): { requestId?: string; runId?: string } {
  const head = text.slice(0, 4096);
  const id = (name: string) => new RegExp(`"${name}":"((?:[^"\\\\]|\\\\.){1,200})"`).exec(head)?.[1];
  const requestId = id('requestId');
  const runId = requestId === undefined ? id('runId') : undefined;
  return requestId !== undefined ? { requestId } : runId !== undefined ? { runId } : {};
}

/** The type and ids near the start of a message's JSON text (the first "type" a request or an event envelope holds is its own). */
export function fieldsNearStart(text: string): { type?: string; requestId?: string; runId?: string } {
  const head = text.slice(0, 4096);
  const field = (name: string) => new RegExp(`"${name}":"((?:[^"\\\\]|\\\\.){1,200})"`).exec(head)?.[1];
  const [type, requestId, runId] = [field('type'), field('requestId'), field('runId')];
  return { ...(type !== undefined ? { type } : {}), ...(requestId !== undefined ? { requestId } : {}), ...(runId !== undefined ? { runId } : {}) };
}

/** The answer to a request frame too large to read: the limit and the size, with the ids found near its start. */
export function oversizeFrame(text: string, bytes: number): ErrorEvent {
  return { type: 'error', ...idsNearStart(text), code: 'too-large', message: tooLargeMessage('the request', bytes, MAX_REQUEST_BYTES) };
}

/** The event, or in its place an error (with the same ids) naming the limit when it is larger than MAX_EVENT_BYTES. */
export function withinEventLimit(event: EngineEvent, size?: number): EngineEvent {
  const bytes = size ?? wireSize(event);
  if (bytes <= MAX_EVENT_BYTES) return event;
  return {
    type: 'error',
    ...('requestId' in event && event.requestId !== undefined
      ? { requestId: event.requestId }
      : 'runId' in event && event.runId !== undefined
        ? { runId: event.runId }
        : {}),
    code: 'too-large',
    message: tooLargeMessage(`the engine's ${event.type} answer`, bytes, MAX_EVENT_BYTES),
  };
}
