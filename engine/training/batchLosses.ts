// Per-minibatch training losses gathered in one buffer and handed on a few times a second; pure, any process.

/** Collects losses into a buffer sized once; `flush` copies out what was gathered since the last flush. */
export class BatchLossBuffer {
  private readonly losses: Float64Array;
  private count = 0;
  private nextBatch = 1;
  private lastFlush: number;

  constructor(
    private readonly onBatches: ((firstBatch: number, losses: Float64Array) => void) | undefined,
    private readonly intervalMilliseconds: number,
    now: number,
    capacity = 8192,
  ) {
    this.losses = new Float64Array(onBatches ? capacity : 0);
    this.lastFlush = now;
  }

  /** Adds the loss of the next minibatch (counted from 1 over the run); flushes when the buffer is full or the interval has passed. */
  add(loss: number, now: number): void {
    if (!this.onBatches) return;
    this.losses[this.count++] = loss;
    if (this.count === this.losses.length || now - this.lastFlush >= this.intervalMilliseconds) this.flush(now);
  }

  /** Hands on the losses gathered since the last flush, if any. */
  flush(now: number): void {
    this.lastFlush = now;
    if (!this.onBatches || this.count === 0) return;
    const first = this.nextBatch;
    const losses = this.losses.slice(0, this.count);
    this.nextBatch += this.count;
    this.count = 0;
    this.onBatches(first, losses);
  }
}
