// The analysis of one finished run as a runes class (renderer): the engine's report, the traced sample, and the images of the misclassified samples.
import { SvelteMap } from 'svelte/reactivity';
import type { AnalysisReport } from '../../engine/protocol/analysis.js';
import { EngineAnswerError, type EngineRequests } from '../host/engineRequests.js';
import type { FinishedRun } from '../models/finishedRun.js';
import { analysisAsk } from './analysisRequest.js';

export type TracedSample = AnalysisReport['sample'];

/** A failure shown in place: the message, and the field the engine named (none when the engine process itself failed). */
export interface AnalysisFailure {
  message: string;
  field: string | undefined;
}

const failureOf = (error: unknown): AnalysisFailure => ({
  message: error instanceof Error ? error.message : String(error),
  field: error instanceof EngineAnswerError ? error.field : undefined,
});

export class AnalysisSession {
  readonly #requests: EngineRequests;
  readonly #run: FinishedRun;
  report = $state.raw<AnalysisReport | null>(null);
  loading = $state(false);
  failure = $state<AnalysisFailure | null>(null);
  /** The test sample being traced, its trace once it arrives, and a failure to trace it. */
  selected = $state<number | null>(null);
  traceFailure = $state<AnalysisFailure | null>(null);
  /** A failure to fetch the misclassified samples' images (the report itself is fine). */
  imagesFailure = $state<AnalysisFailure | null>(null);
  /** Traced samples by test index: their features draw the misclassified digits, their layers and saliency the trace. */
  readonly samples = new SvelteMap<number, TracedSample>();
  #fetching = new Set<number>();

  constructor(requests: EngineRequests, run: FinishedRun) {
    this.#requests = requests;
    this.#run = run;
  }

  get trace(): TracedSample | undefined {
    return this.selected === null ? undefined : this.samples.get(this.selected);
  }

  /** Asks for the report (tracing test sample 0); shows the engine's error in place when it fails. */
  async load(): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    this.failure = null;
    try {
      const report = await this.#requests.ask(analysisAsk(this.#run, 0), 'analysis.report');
      this.report = report;
      this.samples.set(report.sample.index, report.sample);
    } catch (error) {
      this.failure = failureOf(error);
    } finally {
      this.loading = false;
    }
  }

  /** Traces test sample `index`: its layers' outputs and saliency (asked for unless already known). */
  async select(index: number): Promise<void> {
    this.selected = index;
    this.traceFailure = null;
    if (this.samples.has(index)) return;
    try {
      await this.#fetch(index);
    } catch (error) {
      if (this.selected === index) this.traceFailure = failureOf(error);
    }
  }

  /**
   * Asks for the samples in `indices` not known yet, `parallel` at a time, so their images fill in as they arrive
   * (the report holds only one sample's features). Stops at the first failure: it is the same for all.
   */
  async fetchSamples(indices: readonly number[], parallel = 4): Promise<void> {
    const queue = indices.filter((i) => !this.samples.has(i) && !this.#fetching.has(i));
    if (queue.length) this.imagesFailure = null;
    const worker = async () => {
      for (let index = queue.shift(); index !== undefined; index = queue.shift()) await this.#fetch(index);
    };
    try {
      await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, worker));
    } catch (error) {
      queue.length = 0;
      this.imagesFailure = failureOf(error);
    }
  }

  async #fetch(index: number): Promise<void> {
    if (this.samples.has(index) || this.#fetching.has(index)) return;
    this.#fetching.add(index);
    try {
      const report = await this.#requests.ask(analysisAsk(this.#run, index), 'analysis.report');
      this.samples.set(index, report.sample);
    } finally {
      this.#fetching.delete(index);
    }
  }
}
