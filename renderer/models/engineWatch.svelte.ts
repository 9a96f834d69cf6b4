// What the user is told about the engine as a whole, as a runes class (renderer): not answering (the host's heartbeat), and requests past their deadline.
import type { EngineStatus, LabHost } from '../../contract/labHost.js';
import type { AskRequest, EngineRequests } from '../host/engineRequests.js';

/** A request still unanswered after this long is reported, with a way to stop it or wait. */
export const REQUEST_DEADLINE_MS = 10_000;

/** How each request is named in "The engine is still working on …". */
const WORK_NAMES: Record<AskRequest['type'], string> = {
  'engine.describe': 'the list of what it offers',
  'engine.configure': 'its settings',
  'functions.sample': 'the function samples',
  'functions.checkTyped': 'the check of your activation',
  'surface.evaluate': 'the surface grid',
  'surface.descend': 'the descent',
  'surface.map': 'the step-size × decay map',
  'gradcheck.run': 'the gradient check',
  'analysis.run': 'the analysis',
  'landscape.run': 'the loss landscape',
  'featureMaps.run': 'the feature maps',
  'featureMaps.explain': 'the explanation of a feature-map value',
  'spec.check': 'the network check',
  'data.preview': 'the data preview',
  'epoch.estimate': 'the estimate of the epoch time',
  'export.build': 'the export',
  'compare.start': 'the comparison',
  'compare.stop': 'stopping the comparison',
};

/** Requests of one kind past their deadline, as the alert shows them: one line however many are queued. */
export interface OverdueWork {
  /** The oldest request's id (the line's key). */
  requestId: string;
  /** Every overdue request of this kind, oldest first: Stop and Wait act on all of them. */
  requestIds: string[];
  name: string;
  /** How long the oldest has waited. */
  seconds: number;
}

/**
 * Listens to the host's status (unresponsive → a message; ready or crashed → none: a crash is reported where it
 * failed something) and checks the pending requests once a second; a request the user chose to wait for is reported
 * again after as long once more.
 */
export class EngineWatch {
  #notAnswering = $state<string | undefined>();
  #overdue = $state<OverdueWork[]>([]);
  readonly #waitUntil = new Map<string, number>();
  readonly #requests: EngineRequests;
  readonly #host: LabHost;

  constructor(host: LabHost, requests: EngineRequests) {
    this.#host = host;
    this.#requests = requests;
  }

  /** The host's "the engine is not answering" message, while it lasts. */
  get notAnswering(): string | undefined {
    return this.#notAnswering;
  }

  /** Requests past their deadline that the user has not chosen to wait for, oldest first. */
  get overdue(): OverdueWork[] {
    return this.#overdue;
  }

  /** Starts listening; returns the function that stops. */
  connect(): () => void {
    const off = this.#host.onStatus((status: EngineStatus) => {
      this.#notAnswering = status.state === 'unresponsive' ? status.message : undefined;
    });
    const timer = setInterval(() => this.check(Date.now()), 1000);
    return () => {
      off();
      clearInterval(timer);
    };
  }

  /** Recomputes the overdue requests at time `now`. */
  check(now: number): void {
    const pending = this.#requests.pendingWork;
    const ids = new Set(pending.map((work) => work.requestId));
    for (const id of this.#waitUntil.keys()) if (!ids.has(id)) this.#waitUntil.delete(id);
    const byName = new Map<string, OverdueWork>();
    for (const work of [...pending].sort((a, b) => a.since - b.since)) {
      if (now - work.since < REQUEST_DEADLINE_MS || now < (this.#waitUntil.get(work.requestId) ?? 0)) continue;
      const name = WORK_NAMES[work.type];
      const line = byName.get(name);
      if (line) line.requestIds.push(work.requestId);
      else byName.set(name, { requestId: work.requestId, requestIds: [work.requestId], name, seconds: Math.round((now - work.since) / 1000) });
    }
    this.#overdue = [...byName.values()];
  }

  /** Stops the overdue requests of the line keyed by `requestId` in the engine. */
  stop(requestId: string): void {
    for (const id of this.#lineOf(requestId)) this.#requests.stop(id);
    this.#overdue = this.#overdue.filter((work) => work.requestId !== requestId);
  }

  /** Waits for the overdue requests of the line keyed by `requestId`: each is reported again once it has taken as long again. */
  wait(requestId: string, now = Date.now()): void {
    for (const id of this.#lineOf(requestId)) {
      const work = this.#requests.pendingWork.find((w) => w.requestId === id);
      if (work) this.#waitUntil.set(id, now + Math.max(REQUEST_DEADLINE_MS, now - work.since));
    }
    this.#overdue = this.#overdue.filter((w) => w.requestId !== requestId);
  }

  #lineOf(requestId: string): string[] {
    return this.#overdue.find((work) => work.requestId === requestId)?.requestIds ?? [requestId];
  }
}
