// The Compare lab's state (renderer): the form, one comparison at a time against the LabHost, its finished runs and progress, as a runes class.
import type { EngineStatus, LabHost } from '../../contract/labHost.js';
import { DATA_SET_NAMES, type DataSetName } from '../../engine/data/dataSetNames.js';
import { MAX_COMPARE_SEEDS } from '../../engine/limits.js';
import type { CompareFinished, CompareProgress, CompareRun } from '../../engine/protocol/compare.js';
import type { EngineEvent } from '../../engine/protocol/index.js';
import { EXERCISE_HYPERPARAMETERS, HyperparametersSchema, type Hyperparameters, type Reduction } from '../../engine/training/hyperparameters.js';
import type { NetworkSpec } from '../../engine/spec.js';
import { DEFAULT_PICKS } from './compareCandidates.js';
import type { BandKind } from './comparisonStats.js';

/** idle: nothing compared yet; running; stopping: stop sent; finished (completed or stopped); failed (refused, or the engine crashed). */
export type ComparePhase = 'idle' | 'running' | 'stopping' | 'finished' | 'failed';

/** A network the comparison trains, named as the table and legends show it. */
export interface ComparedNetwork {
  name: string;
  spec: NetworkSpec;
}

/** The settings a comparison shares, as the form holds them (null: the field is empty). */
export interface CompareSettings {
  dataSet: DataSetName;
  epochs: number | null;
  learningRate: number | null;
  batchSize: number | null;
  reduction: Reduction;
  trainFraction: number | null;
  seedCount: number | null;
}

export type CompareField = Exclude<keyof CompareSettings, 'dataSet' | 'reduction'> | 'networks';

/** The settings checked; every message is keyed by its field. */
export function checkCompareSettings(
  settings: CompareSettings,
  networkCount: number,
): { ok: true; hyper: Hyperparameters; seeds: number[] } | { ok: false; errors: Partial<Record<CompareField, string>> } {
  const errors: Partial<Record<CompareField, string>> = {};
  if (networkCount === 0) errors.networks = 'Pick at least one network';
  const seedCount = settings.seedCount;
  if (seedCount === null || !Number.isInteger(seedCount) || seedCount < 1 || seedCount > MAX_COMPARE_SEEDS) {
    errors.seedCount = `Seeds must be a whole number from 1 to ${MAX_COMPARE_SEEDS}`;
  }
  const fields = ['epochs', 'learningRate', 'batchSize', 'trainFraction'] as const;
  for (const field of fields) if (settings[field] === null) errors[field] = 'Enter a number';
  const parsed = HyperparametersSchema.safeParse({
    epochs: settings.epochs,
    learningRate: settings.learningRate,
    batchSize: settings.batchSize,
    reduction: settings.reduction,
    trainFraction: settings.trainFraction,
    seed: 1,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && (fields as readonly string[]).includes(field)) {
        errors[field as CompareField] ??= issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
      }
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, hyper: parsed.data, seeds: Array.from({ length: seedCount! }, (_, i) => i + 1) };
}

export class CompareSession {
  readonly #host: LabHost;
  /** The form: the exercise's settings and 5 seeds to begin with. */
  settings = $state<CompareSettings>({
    dataSet: 'digits-binary',
    epochs: EXERCISE_HYPERPARAMETERS.epochs,
    learningRate: EXERCISE_HYPERPARAMETERS.learningRate,
    batchSize: EXERCISE_HYPERPARAMETERS.batchSize,
    reduction: EXERCISE_HYPERPARAMETERS.reduction,
    trainFraction: EXERCISE_HYPERPARAMETERS.trainFraction,
    seedCount: 5,
  });
  /** Ids of the picked candidates (see compareCandidates): the exercise's four presets to begin with. */
  picked = $state<string[]>([...DEFAULT_PICKS]);
  band = $state<BandKind>('min-max');

  #phase = $state<ComparePhase>('idle');
  #networks = $state.raw<ComparedNetwork[]>([]);
  #seeds = $state.raw<number[]>([]);
  #runs = $state.raw<CompareRun[]>([]);
  #progress = $state.raw<CompareProgress | null>(null);
  #finish = $state.raw<CompareFinished | null>(null);
  #failure = $state<{ message: string; field: string | undefined } | null>(null);
  #requestId: string | null = null;
  #started = 0;
  /** The engine reports each run's first epochs one by one (tens a second over short runs): the latest is shown at most every PROGRESS_INTERVAL_MS. */
  #unshownProgress: CompareProgress | null = null;
  #progressTimer: ReturnType<typeof setTimeout> | undefined;
  #progressShownAt = -Infinity;

  constructor(host: LabHost) {
    this.#host = host;
  }

  get phase(): ComparePhase {
    return this.#phase;
  }
  get active(): boolean {
    return this.#phase === 'running' || this.#phase === 'stopping';
  }
  /** The networks of the comparison shown (the one running or the last one). */
  get networks(): readonly ComparedNetwork[] {
    return this.#networks;
  }
  get seeds(): readonly number[] {
    return this.#seeds;
  }
  /** Its finished runs, in the order they finished. */
  get runs(): readonly CompareRun[] {
    return this.#runs;
  }
  get progress(): CompareProgress | null {
    return this.#progress;
  }
  get finish(): CompareFinished | null {
    return this.#finish;
  }
  get failure(): { message: string; field: string | undefined } | null {
    return this.#failure;
  }
  /** The shipped data sets a comparison may use. */
  get dataSets(): readonly DataSetName[] {
    return DATA_SET_NAMES;
  }

  /** Listens to the host's events and status; returns the function that stops listening. */
  connect(): () => void {
    const offEvent = this.#host.onEvent((event) => this.#receive(event));
    const offStatus = this.#host.onStatus((status) => this.#status(status));
    return () => {
      offEvent();
      offStatus();
    };
  }

  /** Sends compare.start; the results of an earlier comparison are cleared. */
  start(networks: readonly ComparedNetwork[], hyper: Hyperparameters, seeds: readonly number[]): void {
    if (this.active) return;
    this.#started += 1;
    const requestId = `compare-${this.#started}-${Date.now().toString(36)}`;
    this.#requestId = requestId;
    this.#networks = networks.map((n) => ({ name: n.name, spec: structuredClone(n.spec) }));
    this.#seeds = [...seeds];
    this.#runs = [];
    this.#dropUnshownProgress();
    this.#progress = null;
    this.#finish = null;
    this.#failure = null;
    this.#phase = 'running';
    try {
      this.#host.send({ type: 'compare.start', requestId, networks: this.#networks, seeds: this.#seeds, dataSet: this.settings.dataSet, hyper });
    } catch (error) {
      this.#fail(`Could not reach the engine: ${error instanceof Error ? error.message : String(error)}`, undefined);
    }
  }

  /** Asks the engine to stop; the runs finished so far stay. */
  stop(): void {
    if (this.#phase !== 'running' || this.#requestId === null) return;
    this.#phase = 'stopping';
    this.#host.send({ type: 'compare.stop', requestId: this.#requestId });
  }

  #receive(event: EngineEvent): void {
    if (!('requestId' in event) || event.requestId === undefined || event.requestId !== this.#requestId || !this.active) return;
    switch (event.type) {
      case 'compare.progress':
        this.#showProgressSoon(event);
        return;
      case 'compare.run':
        this.#showProgressNow();
        this.#runs = [...this.#runs, event];
        return;
      case 'compare.finished':
        this.#showProgressNow();
        this.#finish = event;
        this.#phase = 'finished';
        return;
      case 'error':
        this.#fail(event.message.replace(/^bad request: /, ''), event.field);
        return;
    }
  }

  #showProgressSoon(progress: CompareProgress): void {
    this.#unshownProgress = progress;
    if (this.#progressTimer !== undefined) return;
    const wait = Math.max(0, this.#progressShownAt + PROGRESS_INTERVAL_MS - performance.now());
    this.#progressTimer = setTimeout(() => this.#showProgressNow(), wait);
  }

  #showProgressNow(): void {
    const progress = this.#unshownProgress;
    this.#dropUnshownProgress();
    if (!progress) return;
    this.#progressShownAt = performance.now();
    this.#progress = progress;
  }

  #dropUnshownProgress(): void {
    clearTimeout(this.#progressTimer);
    this.#progressTimer = undefined;
    this.#unshownProgress = null;
  }

  #fail(message: string, field: string | undefined): void {
    this.#dropUnshownProgress();
    this.#failure = { message, field };
    this.#phase = 'failed';
  }

  #status(status: EngineStatus): void {
    if (status.state === 'crashed' && this.active) this.#fail(status.message, undefined);
  }
}

/** How often the progress of a comparison is shown at most (milliseconds): five times a second. */
const PROGRESS_INTERVAL_MS = 200;
