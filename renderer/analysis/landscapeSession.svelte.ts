// The loss landscape of one finished run as a runes class (renderer): asked for on demand, at a chosen span, with the run's path.
import type { LandscapeGrid } from '../../engine/protocol/landscape.js';
import type { EngineRequests } from '../host/engineRequests.js';
import type { FinishedRun } from '../models/finishedRun.js';
import { landscapeAsk } from './analysisRequest.js';

/** The grid's resolution: 41 × 41 losses over the training set, a few seconds for the exercise's network. */
export const LANDSCAPE_RESOLUTION = 41;

export class LandscapeSession {
  readonly #requests: EngineRequests;
  readonly #run: FinishedRun;
  grid = $state.raw<LandscapeGrid | null>(null);
  /** The span the shown grid was computed with. */
  shownSpan = $state(1);
  /** The span the next computation uses. */
  span = $state(1);
  computing = $state(false);
  failure = $state<string | null>(null);
  #asked = 0;

  constructor(requests: EngineRequests, run: FinishedRun) {
    this.#requests = requests;
    this.#run = run;
  }

  get hasPath(): boolean {
    return (this.#run.parameterPath?.length ?? 0) > 0;
  }

  /** Computes the landscape over ±span (the current one unless given); a newer request wins over an older one. */
  async compute(span = this.span): Promise<void> {
    this.span = span;
    const asked = ++this.#asked;
    this.computing = true;
    this.failure = null;
    try {
      const grid = await this.#requests.ask(landscapeAsk(this.#run, span, LANDSCAPE_RESOLUTION), 'landscape.grid');
      if (asked !== this.#asked) return;
      this.grid = grid;
      this.shownSpan = span;
    } catch (error) {
      if (asked === this.#asked) this.failure = error instanceof Error ? error.message : String(error);
    } finally {
      if (asked === this.#asked) this.computing = false;
    }
  }
}
