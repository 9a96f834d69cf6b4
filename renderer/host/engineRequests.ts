// Request/answer calls to the engine over the LabHost (renderer): each request carries an id, its answer or error settles one promise.
import type { LabHost } from '../../contract/labHost.js';
import type { ErrorEvent } from '../../engine/protocol/errors.js';
import { requestIds, type EngineEvent, type EngineRequest } from '../../engine/protocol/index.js';
import type { TrainFinished, TrainStart } from '../../engine/protocol/training.js';

/** Every request that is answered by one event (all but the train.* requests, the stop and the heartbeat). */
export type AskRequest = Exclude<Extract<EngineRequest, { requestId: string }>, { type: 'work.stop' | 'engine.ping' }>;
/** An ask as the caller writes it: any such request without its id (which ask() adds). */
export type AskWithoutId = AskRequest extends infer R ? (R extends unknown ? Omit<R, 'requestId'> : never) : never;

/** An engine error answer, with the field (and column) it names so a form can show it at the field. */
export class EngineAnswerError extends Error {
  readonly field: string | undefined;
  readonly column: number | undefined;
  /** "stopped" when the request was stopped (see isStopped), "over-budget", …: see ERROR_CODES. */
  readonly code: ErrorEvent['code'];
  constructor(event: Pick<ErrorEvent, 'message' | 'field' | 'column' | 'code'>) {
    super(event.message.replace(/^bad request: /, ''));
    this.name = 'EngineAnswerError';
    this.field = event.field;
    this.column = event.column;
    this.code = event.code;
  }
}

/** True for the answer of a request that was stopped on purpose (nothing to report to the user). */
export function isStopped(error: unknown): boolean {
  return error instanceof EngineAnswerError && error.code === 'stopped';
}

export interface AskOptions {
  /** Aborting it sends work.stop for the request; the engine then answers with code "stopped". */
  signal?: AbortSignal;
}

/**
 * Sends requests and matches their answers by requestId (the host's events are already checked against the protocol);
 * when the engine process crashes every pending request fails with the host's message.
 */
export class EngineRequests {
  readonly #host: LabHost;
  readonly #pending = new Map<string, { type: AskRequest['type']; since: number; resolve: (event: EngineEvent) => void; reject: (error: Error) => void }>();
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

  /**
   * Runs one training request to its end without showing it anywhere (e.g. a network to set beside the analysed one):
   * resolves with its train.finished, rejects with the engine's error for the run or when the engine crashes.
   */
  train(request: Omit<TrainStart, 'type' | 'runId'>): Promise<TrainFinished> {
    this.#next += 1;
    const runId = `aside-${this.#next}`;
    return new Promise((resolve, reject) => {
      const stop = () => {
        offEvent();
        offStatus();
      };
      const offEvent = this.#host.onEvent((event) => {
        if (!('runId' in event) || event.runId !== runId) return;
        if (event.type === 'train.finished') {
          stop();
          resolve(event);
        } else if (event.type === 'error') {
          stop();
          reject(new EngineAnswerError(event));
        }
      });
      const offStatus = this.#host.onStatus((status) => {
        if (status.state !== 'crashed') return;
        stop();
        reject(new Error(status.message));
      });
      try {
        this.#host.send({ type: 'train.start', runId, ...request });
      } catch (error) {
        stop();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /**
   * Sends `request` with a fresh requestId; resolves with the answering event of type `type`. With `options.signal`,
   * aborting stops the request in the engine (see stop), which rejects with an EngineAnswerError of code "stopped".
   */
  ask<T extends EngineEvent['type']>(request: AskWithoutId, type: T, options: AskOptions = {}): Promise<Extract<EngineEvent, { type: T }>> {
    this.#next += 1;
    const requestId = `ask-${this.#next}`;
    const full = { ...request, requestId } as AskRequest;
    const { signal } = options;
    return new Promise((resolve, reject) => {
      const onAbort = () => this.stop(requestId);
      const settle = () => signal?.removeEventListener('abort', onAbort);
      this.#pending.set(requestId, {
        type: full.type,
        since: Date.now(),
        resolve: (event) => {
          settle();
          if (event.type === type) resolve(event as Extract<EngineEvent, { type: T }>);
          else reject(new Error(`expected ${type}, got ${event.type}`));
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        this.#host.send(full);
      } catch (error) {
        this.#pending.delete(requestIds(full).requestId!);
        settle();
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (signal?.aborted) onAbort();
    });
  }

  /** Asks the engine to stop the request `requestId` if it is still pending; its ask() then rejects with code "stopped". */
  stop(requestId: string): void {
    if (this.#pending.has(requestId)) this.#host.send({ type: 'work.stop', requestId });
  }

  /** The ids of the requests still waiting for an answer, oldest first. */
  get pendingIds(): string[] {
    return [...this.#pending.keys()];
  }

  /** The requests still waiting for an answer, oldest first: their id, type and when they were sent (Date.now()). */
  get pendingWork(): { requestId: string; type: AskRequest['type']; since: number }[] {
    return [...this.#pending.entries()].map(([requestId, { type, since }]) => ({ requestId, type, since }));
  }
}
