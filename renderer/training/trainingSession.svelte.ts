// The Training view's live state (renderer): the form, one run at a time against the LabHost, and the finished runs, as runes classes.
import type { EngineStatus, LabHost } from '../../contract/labHost.js';
import type { LossName } from '../../engine/losses/lossNames.js';
import type { EngineEvent } from '../../engine/protocol/index.js';
import type { SpecCheck } from '../../engine/protocol/specCheck.js';
import type { TrainStep } from '../../engine/protocol/training.js';
import type { EngineRequests } from '../host/engineRequests.js';
import type { EngineCatalog } from '../models/engineCatalog.js';
import { finishedRunOf, type StartedRun } from '../models/finishedRun.js';
import { formFieldOf, type FieldErrors, type FormField } from './hyperparameterFields.js';
import { RunHistory } from '../models/runHistory.svelte.js';
import {
  IDLE_RUN,
  addNotice,
  applyEngineEvent,
  applyEngineStatus,
  beginRun,
  clearFieldError,
  failRun,
  isActive,
  markStopping,
  type RunState,
} from './runState.js';
import { DataPreview } from './dataPreview.svelte.js';
import { RunClock } from './runClock.svelte.js';
import { lossOf, type TrainPlan } from './trainPlan.js';
import { TrainingForm } from './trainingForm.svelte.js';

/** unknown: no status heard yet (assumed usable); ready: an engine listens; crashed: a fresh one is starting; unresponsive: it is not answering. */
export type EngineState = 'unknown' | 'ready' | 'crashed' | 'unresponsive';

/** The network and data spec.check is asked about. */
export type CheckSubject = Omit<SpecCheck, 'type' | 'requestId'>;

export class TrainingSession {
  readonly #host: LabHost;
  /** Kept here, not in the view, so the form and the finished runs survive switching labs. */
  readonly form = new TrainingForm();
  readonly history = new RunHistory();
  /** The chosen data as a run will see it. */
  readonly preview = new DataPreview();
  /** The current run's time spent training (pauses left out). */
  readonly clock = new RunClock();
  // Raw: a run's state is replaced whole on each change, never mutated, so its history needs no deep proxy.
  #run = $state.raw<RunState>(IDLE_RUN);
  #engine = $state<EngineState>('unknown');
  #checkErrors = $state<FieldErrors>({});
  #checking = $state(false);
  #runLoss = $state<LossName | null>(null);
  /** The current run's minibatch size and its learning rate as started. */
  #runBatchSize = $state(0);
  #runLearningRate = $state(0);
  /** A learning rate sent while paused, until the engine applies it. */
  #pendingLearningRate = $state<number | null>(null);
  #started: StartedRun | null = null;
  /** Events applied since the view last drew: published together, at most every DRAW_INTERVAL_MS. */
  #unpublished: RunState | null = null;
  #publishTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the view last drew, and how often it has drawn the current run. */
  #lastDraw = -Infinity;
  #drawsThisRun = 0;
  #runsStarted = 0;
  #checks = 0;

  #active = $derived(isActive(this.#run.phase));
  #latest = $derived(this.#run.history.at(-1));

  constructor(host: LabHost) {
    this.#host = host;
  }

  get run(): RunState {
    return this.#run;
  }
  /** The run with every event received so far, drawn or not. */
  get #current(): RunState {
    return this.#unpublished ?? this.#run;
  }
  get engine(): EngineState {
    return this.#engine;
  }
  get hostKind(): LabHost['kind'] {
    return this.#host.kind;
  }
  /** The host's folder dialog for image files (the desktop app's); undefined where there is none (the browser). */
  get chooseImageFolder(): ((current: string | null) => Promise<string | null>) | undefined {
    const host = this.#host;
    return host.chooseImageFolder ? (current) => host.chooseImageFolder!(current) : undefined;
  }
  get active(): boolean {
    return this.#active;
  }
  get canTrain(): boolean {
    return !this.#active && this.#engine !== 'crashed' && this.#engine !== 'unresponsive';
  }
  get canStop(): boolean {
    return this.#run.phase === 'starting' || this.#run.phase === 'running';
  }
  get canPause(): boolean {
    return this.#run.phase === 'running' && !this.#run.paused;
  }
  get paused(): boolean {
    return this.#active && this.#run.paused;
  }
  /** The last epoch's metrics, if any epoch finished. */
  get latest() {
    return this.#latest;
  }
  get epochsDone(): number {
    return this.#latest?.epoch ?? 0;
  }
  get runBatchSize(): number {
    return this.#runBatchSize;
  }
  /** The learning rate the current run updates with now (its last change, else the one it started with). */
  get learningRate(): number {
    return this.#run.learningRateChanges.at(-1)?.learningRate ?? this.#runLearningRate;
  }
  /** A learning rate asked for while paused, used from the resume (or step) on. */
  get pendingLearningRate(): number | null {
    return this.#pendingLearningRate;
  }
  /** The training minibatches of one epoch (0 before the engine said the sizes). */
  get batchesPerEpoch(): number {
    const sizes = this.#run.sizes;
    return sizes && this.#runBatchSize > 0 ? Math.floor(sizes.train / this.#runBatchSize) : 0;
  }
  /** The loss the current run trains (null before the first run). */
  get runLoss(): LossName | null {
    return this.#runLoss;
  }
  /** What the engine's spec.check found wrong with the form's network and data, by field. */
  get checkErrors(): FieldErrors {
    return this.#checkErrors;
  }

  /** The latest check has not been answered yet (checkErrors are an earlier subject's). */
  get checking(): boolean {
    return this.#checking;
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

  /** Sends train.start for a new run; events of any earlier run are ignored from now on. */
  start(plan: TrainPlan): void {
    if (!this.canTrain) return;
    this.#runsStarted += 1;
    this.#drawsThisRun = 0;
    const runId = `run-${this.#runsStarted}-${randomSuffix()}`;
    this.#publishNow(beginRun(runId, plan.hyper.epochs));
    this.#started = { runId, label: plan.label, spec: plan.spec, dataSet: plan.dataSet, hyper: plan.hyper };
    this.#runLoss = lossOf(plan.spec, plan.hyper.loss);
    this.#runBatchSize = plan.hyper.batchSize;
    this.#runLearningRate = plan.hyper.learningRate;
    this.#pendingLearningRate = null;
    this.clock.start(Date.now());
    this.history.show(null);
    this.#send({
      type: 'train.start',
      runId,
      spec: plan.spec,
      dataSet: plan.dataSet,
      hyper: plan.hyper,
      recordPath: plan.recordPath,
      ...(plan.boundary ? { boundary: true } : {}),
    });
  }

  stop(): void {
    const runId = this.#run.runId;
    if (!this.canStop || runId === null) return;
    this.#publishNow(markStopping(this.#current));
    this.#send({ type: 'train.stop', runId });
  }

  /** Asks the engine to pause the run; the view shows "Paused" when the engine says so (train.state). */
  pause(): void {
    if (this.canPause && this.#run.runId) this.#send({ type: 'train.pause', runId: this.#run.runId });
  }

  resume(): void {
    if (this.paused && this.#run.runId) this.#send({ type: 'train.resume', runId: this.#run.runId });
  }

  /** While paused: one training minibatch, or to the end of the epoch, then paused again. */
  step(unit: TrainStep['unit']): void {
    if (this.paused && this.#run.runId) this.#send({ type: 'train.step', runId: this.#run.runId, unit });
  }

  /** While paused: the learning rate from the resume (or the next step) on; the curves mark where it took effect. */
  setLearningRate(learningRate: number): void {
    if (!this.paused || !this.#run.runId || !(learningRate > 0) || !Number.isFinite(learningRate)) return;
    this.#pendingLearningRate = learningRate === this.learningRate ? null : learningRate;
    this.#send({ type: 'train.setLearningRate', runId: this.#run.runId, learningRate });
  }

  /** Forgets the engine's message at a field once the user edits it. */
  clearFieldError(field: FormField): void {
    this.#publishNow(clearFieldError(this.#current, field));
  }

  /** Asks the engine for its data sets' shapes, once; a failure leaves a notice and is retried on the next call. */
  async loadCatalog(catalog: EngineCatalog): Promise<void> {
    if (this.form.catalog) return;
    try {
      this.form.catalog = (await catalog.load()).dataSets;
      this.form.fitNetworkToData();
    } catch (error) {
      this.#publishNow(addNotice(this.#current, `Could not read the engine's data sets: ${error instanceof Error ? error.message : String(error)}`));
    }
  }

  /** Checks the network against the data with spec.check; only the latest check's answer is kept. */
  async check(requests: EngineRequests, subject: CheckSubject): Promise<void> {
    const serial = ++this.#checks;
    this.#checking = true;
    let errors: FieldErrors = {};
    try {
      const report = await requests.ask({ type: 'spec.check', ...subject }, 'spec.report');
      for (const issue of report.issues) {
        const field = formFieldOf(issue.field) ?? 'spec';
        errors[field] ??= capitalize(issue.message);
      }
    } catch {
      errors = {}; // an engine that cannot check now still answers train.start with the same messages
    }
    if (serial !== this.#checks) return;
    this.#checkErrors = errors;
    this.#checking = false;
  }

  #send(request: Parameters<LabHost['send']>[0]): void {
    try {
      this.#host.send(request);
    } catch (error) {
      this.#publishNow(failRun(this.#current, `Could not reach the engine: ${error instanceof Error ? error.message : String(error)}`));
    }
  }

  // The host's events are already checked against the protocol (a bad one arrives as an error event, shown as a notice).
  #receive(event: EngineEvent): void {
    const before = this.#current;
    const after = applyEngineEvent(before, event);
    if (after === before) return;
    this.#time(before, after);
    // Epochs, minibatch losses and the boundary can arrive many times a second: the view redraws at most every
    // DRAW_INTERVAL_MS (after a run's first QUICK_DRAWS frames); anything else (start, pause, the end, an error) is shown at once.
    if (event.type === 'train.epoch' || event.type === 'train.batches' || event.type === 'train.boundary') this.#publishSoon(after);
    else this.#publishNow(after);
    if (isActive(before.phase)) this.#keepIfFinished(event);
  }

  /** Keeps the clock and the pending learning rate in step with the run's state. */
  #time(before: RunState, after: RunState): void {
    const now = Date.now();
    if (!isActive(after.phase)) this.clock.stop(now);
    else if (after.paused && !before.paused) this.clock.pause(now);
    else if (!after.paused && before.paused) this.clock.resume(now);
    if (after.learningRateChanges.length !== before.learningRateChanges.length) this.#pendingLearningRate = null;
  }

  #publishSoon(state: RunState): void {
    this.#unpublished = state;
    if (this.#publishTimer !== undefined) return;
    const interval = this.#drawsThisRun < QUICK_DRAWS ? QUICK_DRAW_INTERVAL_MS : DRAW_INTERVAL_MS;
    const wait = Math.max(0, this.#lastDraw + interval - performance.now());
    this.#publishTimer = setTimeout(() => this.#publishNow(this.#current), wait);
  }

  #publishNow(state: RunState): void {
    clearTimeout(this.#publishTimer);
    this.#publishTimer = undefined;
    this.#unpublished = null;
    this.#lastDraw = performance.now();
    this.#drawsThisRun += 1;
    this.#run = state;
  }

  #keepIfFinished(event: EngineEvent): void {
    const started = this.#started;
    if (event.type !== 'train.finished' || !started || event.runId !== started.runId) return;
    this.history.add(finishedRunOf(started, event));
    this.history.show(started.runId);
    this.#started = null;
  }

  #status(status: EngineStatus): void {
    this.#engine = status.state;
    this.#publishNow(applyEngineStatus(this.#current, status));
  }
}

/** How often a fast run's curves are redrawn at most (milliseconds): five frames a second... */
const DRAW_INTERVAL_MS = 200;
/** ...after its first few frames, which follow its first epochs closely (a short run is seen growing too). */
const QUICK_DRAWS = 12;
const QUICK_DRAW_INTERVAL_MS = 40;

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
