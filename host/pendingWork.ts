// The browser host's account of what its engine owes an answer to: requests relayed and not answered, runs started and not finished (Node).
import type { EngineEvent } from '../engine/protocol/index.js';

/** Requests that get no answer of their own: a stop, the heartbeat. */
const UNANSWERED_TYPES = new Set(['work.stop', 'engine.ping', 'train.stop', 'train.pause', 'train.resume']);

/** What the engine still owes an answer to, from the requests relayed to it and the events it sent back. */
export class PendingWork {
  readonly #requests = new Set<string>();
  readonly #runs = new Set<string>();

  /** A message relayed to the engine (checked by the engine, so anything may arrive here). */
  sent(message: unknown): void {
    const { type, requestId, runId } = (typeof message === 'object' && message !== null ? message : {}) as Record<string, unknown>;
    if (typeof type !== 'string' || UNANSWERED_TYPES.has(type)) return;
    if (type === 'train.start' && typeof runId === 'string') this.#runs.add(runId);
    else if (typeof requestId === 'string') this.#requests.add(requestId);
  }

  /** An event from the engine: an answer settles its request, a finished run or a run's error its run. */
  answered(event: EngineEvent): void {
    if ('requestId' in event && event.requestId !== undefined) this.#requests.delete(event.requestId);
    if (event.type === 'train.finished' || (event.type === 'error' && event.runId !== undefined)) this.#runs.delete(event.runId!);
  }

  /** The engine died: nothing is owed any more. */
  clear(): void {
    this.#requests.clear();
    this.#runs.clear();
  }

  get size(): number {
    return this.#requests.size + this.#runs.size;
  }
}
