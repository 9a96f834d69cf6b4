// A host's heartbeat to its engine: pings, the silence measured, "not answering" reported and a hung engine given up on (plain Node: the browser host and Electron main).

/** The clock and timers the watch uses (Node's by default; a test passes its own). */
export interface LivenessClock {
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface LivenessOptions {
  /** Sends the engine an engine.ping with this requestId. */
  ping(requestId: string): void;
  /** Whether the host knows of work the engine has not answered yet (requests in flight, a run going on). */
  hasPendingWork?: () => boolean;
  /** The engine has not answered for `silentMs` while it had work: tell the user. */
  onNotAnswering(silentMs: number): void;
  /** It answered again after onNotAnswering. */
  onAnswering(): void;
  /** It has not answered for `silentMs` ≥ the grace while it had work: the host kills it and starts a fresh one. */
  onHung(silentMs: number): void;
  timing?: Partial<LivenessTiming>;
  clock?: LivenessClock;
}

export interface LivenessTiming {
  /** How often a ping goes out. */
  intervalMs: number;
  /** Silence with work pending after which the engine is reported as not answering. */
  notAnsweringMs: number;
  /** Silence with work pending after which it is killed and replaced like a crashed one. */
  killAfterMs: number;
}

/** The requestIds of a host's own heartbeats start with this; their answers are the host's, not the page's. */
export const HEARTBEAT_ID_PREFIX = 'heartbeat-';

/** A ping a second; "not answering" after 4 s of silence; replaced after 20 s. A time-sliced engine answers within tens of milliseconds. */
export const LIVENESS_TIMING: LivenessTiming = { intervalMs: 1000, notAnsweringMs: 4000, killAfterMs: 20_000 };

const nodeClock: LivenessClock = {
  now: () => Date.now(),
  setInterval: (callback, ms) => {
    const handle = setInterval(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

/**
 * Watches one engine process. Any message from it counts as a sign of life (`heard`); its pongs also say how much
 * work it has (`busy`). The engine counts as having work when the host knows of some or its last pong said so.
 * Reports at most once per silence: onNotAnswering, then onAnswering or onHung (after which the watch stops).
 */
export class EngineLiveness {
  readonly #options: LivenessOptions;
  readonly #timing: LivenessTiming;
  readonly #clock: LivenessClock;
  #timer: unknown;
  #lastHeard = 0;
  #busy = 0;
  #reported = false;
  #sequence = 0;

  constructor(options: LivenessOptions) {
    this.#options = options;
    this.#timing = { ...LIVENESS_TIMING, ...options.timing };
    this.#clock = options.clock ?? nodeClock;
  }

  /** Starts pinging (the engine has just started: it counts as heard now). */
  start(): void {
    this.stop();
    this.#lastHeard = this.#clock.now();
    this.#busy = 0;
    this.#reported = false;
    this.#timer = this.#clock.setInterval(() => this.#tick(), this.#timing.intervalMs);
  }

  stop(): void {
    if (this.#timer !== undefined) this.#clock.clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** The engine sent something; `busy` when it is a pong. */
  heard(busy?: number): void {
    this.#lastHeard = this.#clock.now();
    if (busy !== undefined) this.#busy = busy;
    if (this.#reported) {
      this.#reported = false;
      this.#options.onAnswering();
    }
  }

  /** The timing in force. */
  get timing(): LivenessTiming {
    return this.#timing;
  }

  /** True between onNotAnswering and the engine's next sign of life. */
  get isNotAnswering(): boolean {
    return this.#reported;
  }

  #tick(): void {
    const silent = this.#clock.now() - this.#lastHeard;
    const pending = this.#busy > 0 || (this.#options.hasPendingWork?.() ?? false);
    if (pending && silent >= this.#timing.killAfterMs) {
      this.stop();
      this.#options.onHung(silent);
      return;
    }
    if (pending && silent >= this.#timing.notAnsweringMs && !this.#reported) {
      this.#reported = true;
      this.#options.onNotAnswering(silent);
    }
    this.#sequence += 1;
    this.#options.ping(`${HEARTBEAT_ID_PREFIX}${this.#sequence}`);
  }
}

/** The status message of an engine that stopped answering. */
export function notAnsweringMessage(silentMs: number, killAfterMs: number = LIVENESS_TIMING.killAfterMs): string {
  return `The engine is not answering (nothing for ${Math.round(silentMs / 1000)} s). If it stays silent for ${Math.round(killAfterMs / 1000)} s it is restarted, and any run in progress fails.`;
}

/** The crash message of an engine that was replaced because it stopped answering. */
export function hungMessage(silentMs: number): string {
  return `The engine stopped answering for ${Math.round(silentMs / 1000)} s and was replaced; any run in progress has failed. A fresh engine is starting.`;
}
