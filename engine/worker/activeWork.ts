// The requests an engine service is working on, by requestId, so a work.stop can reach them; pure, any process.
import { RequestWork } from '../work/requestWork.js';

/** Requests in progress. Two requests may share an id (a sender's mistake): a stop then reaches both. */
export class ActiveWork {
  readonly #works = new Map<string, Set<RequestWork>>();
  readonly #options: ConstructorParameters<typeof RequestWork>[0];

  constructor(options: ConstructorParameters<typeof RequestWork>[0] = {}) {
    this.#options = options;
  }

  /** Registers the work of the request `requestId` until `end` is called with it. */
  begin(requestId: string): RequestWork {
    const work = new RequestWork(this.#options);
    const works = this.#works.get(requestId) ?? new Set();
    works.add(work);
    this.#works.set(requestId, works);
    return work;
  }

  end(requestId: string, work: RequestWork): void {
    const works = this.#works.get(requestId);
    works?.delete(work);
    if (works?.size === 0) this.#works.delete(requestId);
  }

  /** Stops the work of `requestId`; false when no such request is in progress (it may have just been answered). */
  stop(requestId: string): boolean {
    const works = this.#works.get(requestId);
    for (const work of works ?? []) work.stop();
    return works !== undefined;
  }

  /** How many requests are in progress. */
  get size(): number {
    let count = 0;
    for (const works of this.#works.values()) count += works.size;
    return count;
  }
}
