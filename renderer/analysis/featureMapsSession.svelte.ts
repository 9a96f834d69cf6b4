// The feature-map view of one finished conv net as a runes class (renderer): the chosen sample's maps, the cell clicked, and the engine's explanation of its value.
import type { FeatureMapsExplained, FeatureMapsReport } from '../../engine/protocol/featureMaps.js';
import { EngineAnswerError, type EngineRequests } from '../host/engineRequests.js';
import type { FinishedRun } from '../models/finishedRun.js';
import { explainAsk, featureMapsAsk, type MapCell } from './featureMapsRequest.js';

/** A failure shown in place: the message, and the field the engine named (none when the engine process itself failed). */
export interface MapsFailure {
  message: string;
  field: string | undefined;
}

const failureOf = (error: unknown): MapsFailure => ({
  message: error instanceof Error ? error.message : String(error),
  field: error instanceof EngineAnswerError ? error.field : undefined,
});

export class FeatureMapsSession {
  readonly #requests: EngineRequests;
  readonly #run: FinishedRun;
  /** The latest report (kept while the next sample's is on its way). */
  report = $state.raw<FeatureMapsReport | null>(null);
  /** The samples to choose from, from the first report (they stay as the chosen sample changes). */
  gallery = $state.raw<FeatureMapsReport['gallery']>([]);
  sampleIndex = $state(0);
  loading = $state(false);
  failure = $state<MapsFailure | null>(null);
  /** Show each convolution's output before its activation instead of after. */
  beforeActivation = $state(false);
  cell = $state<MapCell | null>(null);
  explanation = $state.raw<FeatureMapsExplained | null>(null);
  explaining = $state(false);
  explainFailure = $state<MapsFailure | null>(null);
  #asked = 0;
  #explainAsked = 0;

  constructor(requests: EngineRequests, run: FinishedRun) {
    this.#requests = requests;
    this.#run = run;
  }

  /** Asks for the maps of sample `index` (the first one by default); a late answer for an earlier choice is dropped. */
  async load(index = this.sampleIndex): Promise<void> {
    const asked = ++this.#asked;
    this.sampleIndex = index;
    this.loading = true;
    this.failure = null;
    this.cell = null;
    this.explanation = null;
    this.explainFailure = null;
    try {
      const report = await this.#requests.ask(featureMapsAsk(this.#run, index), 'featureMaps.report');
      if (asked !== this.#asked) return;
      this.report = report;
      if (this.gallery.length === 0) this.gallery = report.gallery;
    } catch (error) {
      if (asked === this.#asked) this.failure = failureOf(error);
    } finally {
      if (asked === this.#asked) this.loading = false;
    }
  }

  /** Asks how the value at `cell` of the shown sample came about. */
  async explain(cell: MapCell): Promise<void> {
    const asked = ++this.#explainAsked;
    this.cell = cell;
    this.explaining = true;
    this.explainFailure = null;
    try {
      const explanation = await this.#requests.ask(explainAsk(this.#run, this.sampleIndex, cell), 'featureMaps.explained');
      if (asked === this.#explainAsked) this.explanation = explanation;
    } catch (error) {
      if (asked === this.#explainAsked) this.explainFailure = failureOf(error);
    } finally {
      if (asked === this.#explainAsked) this.explaining = false;
    }
  }
}
