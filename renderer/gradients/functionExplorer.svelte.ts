// The functions part of the Gradient lab as a runes class (renderer): the catalog, the chosen function, epsilon and the point, and the engine's samples.
import type { Catalog } from '../../engine/protocol/catalog.js';
import type { FunctionSamples, FunctionsSample } from '../../engine/protocol/functions.js';
import { EngineAnswerError, type EngineRequests } from '../host/engineRequests.js';
import type { EngineCatalog } from '../models/engineCatalog.js';
import { defaultAt } from './functionSeries.js';

export type FunctionInfo = Catalog['functions'][number];
export type ExplorerField = 'functionId' | 'epsilon' | 'at';

/** Points sampled over a function's domain. */
export const SAMPLE_COUNT = 201;
export const DEFAULT_EPSILON = 1e-3;

export class FunctionExplorer {
  readonly #requests: EngineRequests;
  readonly #catalog: EngineCatalog;
  functions = $state<FunctionInfo[]>([]);
  functionId = $state('');
  epsilon = $state<number | null>(DEFAULT_EPSILON);
  at = $state<number | null>(null);
  /** The last answer, kept while a new one is computed or an input is wrong. */
  samples = $state<FunctionSamples | null>(null);
  /** The epsilon and point the shown samples were computed with. */
  shown = $state<{ epsilon: number; at: number } | null>(null);
  loading = $state(false);
  /** An engine failure that is not about one field (a crash): shown with a retry button. */
  failure = $state<string | null>(null);
  #engineErrors = $state<Partial<Record<ExplorerField, string>>>({});
  #asked = 0;

  constructor(requests: EngineRequests, catalog: EngineCatalog) {
    this.#requests = requests;
    this.#catalog = catalog;
  }

  get current(): FunctionInfo | undefined {
    return this.functions.find((f) => f.id === this.functionId);
  }

  /** Messages at the fields: the form's own first, else what the engine said. */
  get errors(): Partial<Record<ExplorerField, string>> {
    const errors: Partial<Record<ExplorerField, string>> = {};
    if (this.epsilon === null || Number.isNaN(this.epsilon)) errors.epsilon = 'Enter a number for epsilon, e.g. 1e-3';
    else if (!(this.epsilon > 0) || !Number.isFinite(this.epsilon)) errors.epsilon = 'Epsilon must be a positive number';
    if (this.at === null || Number.isNaN(this.at) || !Number.isFinite(this.at))
      errors.at = `Enter a number for the point ${this.current?.variable.symbol ?? 'x'}`;
    return { ...this.#engineErrors, ...errors };
  }

  /** The request the inputs make, or null while one of them is wrong. */
  get request(): { functionId: string; epsilon: number; at: number } | null {
    const errors = this.errors;
    if (!this.functionId || errors.epsilon || errors.at) return null;
    return { functionId: this.functionId, epsilon: this.epsilon!, at: this.at! };
  }

  /** Asks the engine for its catalog and picks the first function. */
  async loadCatalog(): Promise<void> {
    this.failure = null;
    try {
      const catalog = await this.#catalog.load();
      this.functions = catalog.functions;
      if (!this.current && catalog.functions[0]) this.choose(catalog.functions[0].id);
    } catch (error) {
      this.failure = `The engine did not list its functions: ${(error as Error).message}`;
    }
  }

  /** Switches function; the point is kept when it lies in the new function's domain. */
  choose(id: string): void {
    const info = this.functions.find((f) => f.id === id);
    if (!info) return;
    this.functionId = id;
    this.clearEngineError('functionId');
    const [lo, hi] = info.domain;
    if (this.at === null || Number.isNaN(this.at) || this.at < lo || this.at > hi) this.at = defaultAt(info.domain);
  }

  clearEngineError(field: ExplorerField): void {
    if (this.#engineErrors[field]) this.#engineErrors = { ...this.#engineErrors, [field]: undefined };
  }

  /** Samples the function with the current inputs; a stale answer (inputs changed meanwhile) is dropped. */
  async sample(): Promise<void> {
    const request = this.request;
    if (!request) return;
    const asked = ++this.#asked;
    this.loading = true;
    this.failure = null;
    try {
      const ask: Omit<FunctionsSample, 'requestId'> = { type: 'functions.sample', count: SAMPLE_COUNT, ...request };
      const samples = await this.#requests.ask(ask, 'functions.samples');
      if (asked !== this.#asked) return;
      this.samples = samples;
      this.shown = { epsilon: request.epsilon, at: request.at };
    } catch (error) {
      if (asked !== this.#asked) return;
      const field = error instanceof EngineAnswerError ? error.field : undefined;
      if (field === 'epsilon' || field === 'at' || field === 'functionId') this.#engineErrors = { ...this.#engineErrors, [field]: (error as Error).message };
      else this.failure = `The engine could not sample ${this.current?.name ?? 'the function'}: ${(error as Error).message}`;
    } finally {
      if (asked === this.#asked) this.loading = false;
    }
  }
}
