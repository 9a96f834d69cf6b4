// Request/answer calls to the engine over the LabHost (renderer): each request carries an id, its answer or error settles one promise.
import type { LabHost } from '../../contract/labHost.js';
import type { ErrorEvent } from '../../engine/protocol/errors.js';
import { requestIds, type EngineEvent, type EngineRequest } from '../../engine/protocol/index.js';

/** Every request that is answered by one event (all but the train.* requests). */
export type AskRequest = Extract<EngineRequest, { requestId: string }>;
/** An ask as the caller writes it: any such request without its id (which ask() adds). */
export type AskWithoutId = AskRequest extends infer R ? (R extends unknown ? Omit<R, 'requestId'> : never) : never;

/** An engine error answer, with the field (and column) it names so a form can show it at the field. */
export class EngineAnswerError extends Error {
  readonly field: string | undefined;
  readonly column: number | undefined;
  constructor(event: Pick<ErrorEvent, 'message' | 'field' | 'column'>) {
    super(event.message.replace(/^bad request: /, ''));
    this.name = 'EngineAnswerError';
    this.field = event.field;
    this.column = event.column;
  }
}

interface Pending {
  resolve: (event: EngineEvent) => void;
  reject: (error: Error) => void;
  /** Events of this type under the request's id report progress: handed to `onProgress`, they leave the request pending. */
  progress?: { type: EngineEvent['type']; onProgress: (event: EngineEvent) => void };
}

/**
 * Sends requests and matches their answers by requestId (the host's events are already checked against the protocol);
 * when the engine process crashes every pending request fails with the host's message.
 */
export class EngineRequests {
  readonly #host: LabHost;
  readonly #pending = new Map<string, Pending>();
  #next = 0;

  constructor(host: LabHost) {
    this.#host = host;
  }

  /** Listens to the host; returns the function that stops listening. */
  connect(): () => void {
    const offEvent = this.#host.onEvent((event) => {
      const id = 'requestId' in event ? event.requestId : undefined;
      const pending = id === undefined ? undefined : this.#pending.get(id);
      if (!pending || id === undefined) return;
      if (pending.progress?.type === event.type) return pending.progress.onProgress(event);
      this.#pending.delete(id);
      if (event.type === 'error') pending.reject(new EngineAnswerError(event));
      else pending.resolve(event);
    });
    const offStatus = this.#host.onStatus((status) => {
      if (status.state !== 'crashed') return;
      for (const pending of this.#pending.values()) pending.reject(new Error(status.message));
      this.#pending.clear();
    });
    return () => {
      offEvent();
      offStatus();
    };
  }

  /** Sends `request` with a fresh requestId; resolves with the answering event of type `type`. */
  ask<T extends EngineEvent['type']>(request: AskWithoutId, type: T): Promise<Extract<EngineEvent, { type: T }>> {
    return this.start(request, type).answer;
  }

  /**
   * Sends `request` with a fresh requestId, given back at once (a long request is stopped by naming it); the answer
   * resolves with the event of type `type`, and each event of type `progress` before it goes to `onProgress`.
   */
  start<T extends EngineEvent['type'], P extends EngineEvent['type'] = never>(
    request: AskWithoutId,
    type: T,
    progress?: { type: P; onProgress: (event: Extract<EngineEvent, { type: P }>) => void },
  ): { requestId: string; answer: Promise<Extract<EngineEvent, { type: T }>> } {
    this.#next += 1;
    const requestId = `ask-${this.#next}`;
    const full = { ...request, requestId } as AskRequest;
    const answer = new Promise<Extract<EngineEvent, { type: T }>>((resolve, reject) => {
      this.#pending.set(requestId, {
        resolve: (event) =>
          event.type === type ? resolve(event as Extract<EngineEvent, { type: T }>) : reject(new Error(`expected ${type}, got ${event.type}`)),
        reject,
        ...(progress ? { progress: { type: progress.type, onProgress: progress.onProgress as (event: EngineEvent) => void } } : {}),
      });
      try {
        this.#host.send(full);
      } catch (error) {
        this.#pending.delete(requestIds(full).requestId!);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    return { requestId, answer };
  }

  /** Sends a request no event answers under its own id (a stop naming a request in progress). */
  tell(request: AskRequest): void {
    this.#host.send(request);
  }
}
