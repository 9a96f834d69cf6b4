// The Training view's live state (renderer): one run at a time against the LabHost, as a runes class over the pure runState reducer.
import { EngineEventSchema, type DataSetName, type EngineStatus, type Hyperparameters, type LabHost } from '../../engine/protocol.js';
import type { NetworkSpec } from '../../engine/spec.js';
import type { FormField } from './hyperparameterFields.js';
import {
  IDLE_RUN, addNotice, applyEngineEvent, applyEngineStatus, beginRun, clearFieldError, failRun, isActive, markStopping, type RunState,
} from './runState.js';

/** unknown: no status heard yet (assumed usable); ready: an engine listens; crashed: a fresh one is starting. */
export type EngineState = 'unknown' | 'ready' | 'crashed';

export class TrainingSession {
  readonly #host: LabHost;
  #run = $state<RunState>(IDLE_RUN);
  #engine = $state<EngineState>('unknown');
  #runsStarted = 0;

  #active = $derived(isActive(this.#run.phase));
  #latest = $derived(this.#run.history.at(-1));

  constructor(host: LabHost) {
    this.#host = host;
  }

  get run(): RunState { return this.#run; }
  get engine(): EngineState { return this.#engine; }
  get hostKind(): LabHost['kind'] { return this.#host.kind; }
  get active(): boolean { return this.#active; }
  get canTrain(): boolean { return !this.#active && this.#engine !== 'crashed'; }
  get canStop(): boolean { return this.#run.phase === 'starting' || this.#run.phase === 'running'; }
  /** The last epoch's metrics, if any epoch finished. */
  get latest() { return this.#latest; }
  get epochsDone(): number { return this.#latest?.epoch ?? 0; }

  /** Listens to the host's events and status; returns the function that stops listening. */
  connect(): () => void {
    const offEvent = this.#host.onEvent((raw) => this.#receive(raw));
    const offStatus = this.#host.onStatus((status) => this.#status(status));
    return () => { offEvent(); offStatus(); };
  }

  /** Sends train.start for a new run; events of any earlier run are ignored from now on. */
  start(spec: NetworkSpec, dataSet: DataSetName, hyper: Hyperparameters): void {
    if (!this.canTrain) return;
    this.#runsStarted += 1;
    const runId = `run-${this.#runsStarted}-${randomSuffix()}`;
    this.#run = beginRun(runId, hyper.epochs);
    try {
      this.#host.send({ type: 'train.start', runId, spec, dataSet, hyper });
    } catch (error) {
      this.#run = failRun(this.#run, `Could not reach the engine: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  stop(): void {
    const runId = this.#run.runId;
    if (!this.canStop || runId === null) return;
    this.#run = markStopping(this.#run);
    try {
      this.#host.send({ type: 'train.stop', runId });
    } catch (error) {
      this.#run = failRun(this.#run, `Could not reach the engine: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Forgets the engine's message at a field once the user edits it. */
  clearFieldError(field: FormField): void {
    this.#run = clearFieldError(this.#run, field);
  }

  // Whatever the host delivers is checked against the protocol before it is trusted: a bad message is shown, not thrown.
  #receive(raw: unknown): void {
    const parsed = EngineEventSchema.safeParse(raw);
    if (parsed.success) {
      this.#run = applyEngineEvent(this.#run, parsed.data);
      return;
    }
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length ? `${issue.path.join('.')}: ` : '';
    this.#run = addNotice(this.#run, `The engine sent a message the lab could not read (${where}${issue?.message ?? 'invalid'}).`);
  }

  #status(status: EngineStatus): void {
    this.#engine = status.state;
    this.#run = applyEngineStatus(this.#run, status);
  }
}

function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
