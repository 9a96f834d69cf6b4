// What the engine offers (functions, surfaces, data sets, layer types, optimizers), asked of it once for every lab (renderer).
import type { Catalog } from '../../engine/protocol/catalog.js';
import type { EngineRequests } from '../host/engineRequests.js';

/** The engine's catalog, asked on first use and shared; a failed ask is forgotten, so the next use asks again. */
export class EngineCatalog {
  readonly #requests: Pick<EngineRequests, 'ask'>;
  #answer: Promise<Catalog> | null = null;

  constructor(requests: Pick<EngineRequests, 'ask'>) {
    this.#requests = requests;
  }

  /** The catalog; rejects with the engine's error when it could not be read. */
  load(): Promise<Catalog> {
    if (!this.#answer) {
      const answer = this.#requests.ask({ type: 'engine.describe' }, 'engine.catalog');
      this.#answer = answer;
      answer.catch(() => {
        if (this.#answer === answer) this.#answer = null;
      });
    }
    return this.#answer;
  }
}
