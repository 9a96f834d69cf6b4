// The overview of every activation in the registry (renderer): each sampled once with its symbolic and central-difference derivative, for the 2×2 figures.
import type { FunctionSamples } from '../../engine/protocol/functions.js';
import type { EngineRequests } from '../host/engineRequests.js';
import type { FunctionInfo } from './functionExplorer.svelte.js';

/** Points per overview chart, and the central difference's step there (the exercise's figure needs no more). */
export const OVERVIEW_COUNT = 101;
export const OVERVIEW_EPSILON = 1e-3;

export class ActivationOverview {
  readonly #requests: EngineRequests;
  /** Each activation's samples by id, as they arrive. */
  samples = $state<Record<string, FunctionSamples>>({});
  failure = $state<string | null>(null);
  #asked = false;

  constructor(requests: EngineRequests) {
    this.#requests = requests;
  }

  /** Samples every activation in `functions` once (again after a failure). */
  async load(functions: readonly FunctionInfo[]): Promise<void> {
    if (this.#asked) return;
    this.#asked = true;
    this.failure = null;
    const activations = functions.filter((f) => f.kind === 'activation');
    try {
      await Promise.all(
        activations.map(async (info) => {
          const samples = await this.#requests.ask(
            { type: 'functions.sample', functionId: info.id, count: OVERVIEW_COUNT, epsilon: OVERVIEW_EPSILON, at: 0 },
            'functions.samples',
          );
          this.samples = { ...this.samples, [info.id]: samples };
        }),
      );
    } catch (error) {
      this.#asked = false;
      this.failure = `The engine could not sample the activations: ${(error as Error).message}`;
    }
  }
}
