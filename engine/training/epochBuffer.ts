// Finished epochs handed on a few times a second — the first few each at once, the last always — so that a run of
// millions of short epochs sends a few events a second, not one per epoch; pure, any process.
import type { EpochMetrics } from './epochMetrics.js';

/** Gathers epochs and flushes them: each at once while fewer than `burst` flushes have gone, then at most every `intervalMilliseconds`. */
export class EpochBuffer {
  private pending: EpochMetrics[] = [];
  private flushes = 0;
  private lastFlush = -Infinity;

  constructor(
    private readonly onEpochs: ((epochs: EpochMetrics[]) => void) | undefined,
    private readonly intervalMilliseconds: number,
    private readonly burst: number,
  ) {}

  /** Adds a finished epoch; flushes if the burst is not spent or the interval has passed. */
  add(metrics: EpochMetrics, now: number): void {
    if (!this.onEpochs) return;
    this.pending.push(metrics);
    if (this.flushes < this.burst) this.flush(now);
    else this.flushIfDue(now);
  }

  /** Flushes what is gathered once the interval since the last flush has passed. */
  flushIfDue(now: number): void {
    if (now - this.lastFlush >= this.intervalMilliseconds) this.flush(now);
  }

  /** Hands on the epochs gathered since the last flush, oldest first, if any. */
  flush(now: number): void {
    if (!this.onEpochs || this.pending.length === 0) return;
    const epochs = this.pending;
    this.pending = [];
    this.flushes++;
    this.lastFlush = now;
    this.onEpochs(epochs);
  }
}
