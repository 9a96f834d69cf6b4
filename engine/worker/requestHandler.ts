// The one signature of the engine's request handlers, and the table type that has one handler per request type; pure, any process.
import type { EngineEvent, RequestOf, RequestType } from '../protocol/index.js';
import type { EngineContext } from './engineContext.js';

/**
 * Handles one validated request: resolves with the event that answers it, or with nothing when the handler sends its
 * events itself through `context.send` (a training run streams them).
 */
export type RequestHandler<T extends RequestType> = (request: RequestOf<T>, context: EngineContext) => Promise<EngineEvent | void>;

/** One handler for every request type of the protocol: a type without a handler is a compile error. */
export type RequestHandlers = { readonly [T in RequestType]: RequestHandler<T> };
