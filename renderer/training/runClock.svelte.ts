// The time a run has spent training, pauses left out, and a ticking "now" while it runs, as a runes class (renderer).

/** How often the shown time is brought up to date while a run trains (milliseconds). */
const TICK_MS = 500;

export class RunClock {
  #startedAt = $state<number | null>(null);
  #pausedSince = $state<number | null>(null);
  #pausedFor = $state(0);
  #stoppedAt = $state<number | null>(null);
  #now = $state(0);
  #timer: ReturnType<typeof setInterval> | undefined;

  /** Milliseconds spent training so far (0 before a run). */
  get elapsed(): number {
    if (this.#startedAt === null) return 0;
    const end = this.#stoppedAt ?? this.#pausedSince ?? this.#now;
    return Math.max(0, end - this.#startedAt - this.#pausedFor);
  }

  start(now: number): void {
    this.#startedAt = now;
    this.#pausedSince = null;
    this.#pausedFor = 0;
    this.#stoppedAt = null;
    this.#now = now;
    clearInterval(this.#timer);
    this.#timer = setInterval(() => (this.#now = Date.now()), TICK_MS);
  }

  pause(now: number): void {
    if (this.#startedAt !== null && this.#pausedSince === null && this.#stoppedAt === null) this.#pausedSince = now;
  }

  resume(now: number): void {
    if (this.#pausedSince === null) return;
    this.#pausedFor += now - this.#pausedSince;
    this.#pausedSince = null;
    this.#now = now;
  }

  stop(now: number): void {
    if (this.#startedAt === null || this.#stoppedAt !== null) return;
    this.resume(now);
    this.#stoppedAt = now;
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

/**
 * The time left at the pace so far: elapsed × (minibatches left ÷ minibatches done); undefined until a minibatch is done
 * (or without a known total).
 */
export function timeLeft(elapsed: number, batchesDone: number, batchesTotal: number): number | undefined {
  if (!(batchesDone > 0) || !(batchesTotal > 0)) return undefined;
  return (elapsed * Math.max(0, batchesTotal - batchesDone)) / batchesDone;
}
