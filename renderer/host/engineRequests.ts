// Request/answer calls to the engine over the LabHost (renderer): each request carries an id, its answer or error settles one promise.
import type { LabHost } from '../../contract/labHost.js';
import type { ErrorEvent } from '../../engine/protocol/errors.js';
import { requestIds, type EngineEvent, type EngineRequest } from '../../engine/protocol/index.js';
import type { TrainFinished, TrainStart } from '../../engine/protocol/training.js';

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

/**
 * Sends requests and matches their answers by requestId (the host's events are already checked against the protocol);
 * when the engine process crashes every pending request fails with the host's message.
 */
export class EngineRequests {
  readonly #host: LabHost;
  readonly #pending = new Map<string, { resolve: (event: EngineEvent) => void; reject: (error: Error) => void }>();
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

  /** Sends `request` with a fresh requestId; resolves with the answering event of type `type`. */
  ask<T extends EngineEvent['type']>(request: AskWithoutId, type: T): Promise<Extract<EngineEvent, { type: T }>> {
    this.#next += 1;
    const requestId = `ask-${this.#next}`;
    const full = { ...request, requestId } as AskRequest;
    return new Promise((resolve, reject) => {
      this.#pending.set(requestId, {
        resolve: (event) =>
          event.type === type ? resolve(event as Extract<EngineEvent, { type: T }>) : reject(new Error(`expected ${type}, got ${event.type}`)),
        reject,
      });
      try {
        this.#host.send(full);
      } catch (error) {
        this.#pending.delete(requestIds(full).requestId!);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }
}
