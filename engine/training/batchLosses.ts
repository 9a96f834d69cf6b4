// Per-minibatch training losses gathered in one buffer and handed on a few times a second, with the samples trained per second; pure, any process.

/** Told of the losses of minibatches `firstBatch`, `firstBatch` + 1, …, and the training samples per second since the last call (when measurable). */
export type BatchLossListener = (firstBatch: number, losses: Float64Array, samplesPerSecond: number | undefined) => void;

/** A rate is reported only over at least this many milliseconds (the clock counts whole ones). */
const MIN_MEASURED_MS = 10;

/**
 * Collects losses into a buffer that grows (to `maxCapacity`) rather than flush early, so that a run of tiny minibatches
 * still sends a few events a second; `flush` copies out what was gathered since the last flush.
 */
export class BatchLossBuffer {
  private losses: Float64Array;
  private count = 0;
  private nextBatch = 1;
  private lastFlush: number;
  /** Where the time of the next rate starts: the last flush, or the end of a pause. */
  private measuredFrom: number;

  constructor(
    private readonly onBatches: BatchLossListener | undefined,
    private readonly intervalMilliseconds: number,
    now: number,
    private readonly samplesPerBatch = 1,
    capacity = 8192,
    private readonly maxCapacity = 1 << 20,
  ) {
    this.losses = new Float64Array(onBatches ? capacity : 0);
    this.lastFlush = now;
    this.measuredFrom = now;
  }

  /** Adds the loss of the next minibatch (counted from 1 over the run); flushes when the interval has passed, or the buffer is full at its largest. */
  add(loss: number, now: number): void {
    this.push(loss, now);
    this.flushIfDue(now);
  }

  /**
   * Adds the loss of the next minibatch without asking whether the interval has passed (see flushIfDue); a buffer full
   * at its largest is flushed first, at `now` (else at the clock's time).
   */
  push(loss: number, now?: number): void {
    if (!this.onBatches) return;
    this.makeRoom(now);
    this.losses[this.count++] = loss;
  }

  /** Adds the loss held in `values[index]` as push does: read from a slot, the number crosses no call, so none is boxed when a call is not inlined. */
  pushFrom(values: Float64Array, index: number): void {
    if (!this.onBatches) return;
    this.makeRoom();
    this.losses[this.count++] = values[index]!;
  }

  /** Makes room for one more loss: grows the buffer, or flushes it when it is full at its largest. */
  private makeRoom(now?: number): void {
    if (this.count < this.losses.length) return;
    if (this.losses.length >= this.maxCapacity) this.flush(now ?? Date.now());
    else {
      const grown = new Float64Array(Math.min(this.maxCapacity, 2 * this.losses.length));
      grown.set(this.losses);
      this.losses = grown;
    }
  }

  /** Flushes when the interval since the last flush has passed. */
  flushIfDue(now: number): void {
    if (this.onBatches && now - this.lastFlush >= this.intervalMilliseconds) this.flush(now);
  }

  /** The run goes on after a pause (which flushed): its interval and its rate start from now. */
  resume(now: number): void {
    this.lastFlush = now;
    this.measuredFrom = now;
  }

  /** Hands on the losses gathered since the last flush, if any. */
  flush(now: number): void {
    const measured = now - this.measuredFrom;
    this.lastFlush = now;
    this.measuredFrom = now;
    if (!this.onBatches || this.count === 0) return;
    const first = this.nextBatch;
    const losses = this.losses.slice(0, this.count);
    const samplesPerSecond = measured >= MIN_MEASURED_MS ? (this.count * this.samplesPerBatch * 1000) / measured : undefined;
    this.nextBatch += this.count;
    this.count = 0;
    this.onBatches(first, losses, samplesPerSecond);
  }
}
