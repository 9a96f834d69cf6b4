// When the training loop reads the clock: every few minibatches, about once a millisecond, since each read makes a heap number; pure, any process.

/** The time the minibatches between two reads of the clock should take (the loop's slices and intervals are 15 ms and more). */
const READ_INTERVAL_MILLISECONDS = 1;
/** The most minibatches between two reads. */
const MAX_STRIDE = 1 << 12;

/**
 * Tells the training loop at which minibatches to read the clock: every `stride` of them, the stride doubled while reads
 * come less than a millisecond apart and cut when they come more than two apart, so that tiny minibatches read it about
 * once a millisecond and large ones at each. Date.now() returns a new heap number at each call: read at every
 * minibatch of the exercise's networks it was the one allocation of a step.
 */
export class StepClock {
  /** The time of the last read. */
  private readonly last = new Float64Array(1);
  private stride = 1;
  private countdown = 1;

  /** `maxStride` 1 reads the clock at every minibatch (a loop that gives the host a turn after each). */
  constructor(
    now: number,
    private readonly maxStride = MAX_STRIDE,
  ) {
    this.last[0] = now;
  }

  /** Counts a minibatch; true when the loop should read the clock after it. */
  due(): boolean {
    return --this.countdown <= 0;
  }

  /** Reads the clock after a due minibatch and sets how many minibatches pass before the next read. */
  read(): number {
    const now = Date.now();
    const elapsed = now - this.last[0]!;
    // Both strides are computed at every read, so that the first slow read does not meet code the compiler never saw run.
    const longer = Math.min(this.maxStride, 2 * this.stride);
    const shorter = Math.max(1, Math.floor((this.stride * READ_INTERVAL_MILLISECONDS) / Math.max(elapsed, READ_INTERVAL_MILLISECONDS)));
    this.stride = elapsed < READ_INTERVAL_MILLISECONDS ? longer : elapsed > 2 * READ_INTERVAL_MILLISECONDS ? shorter : this.stride;
    this.last[0] = now;
    this.countdown = this.stride;
    return now;
  }

  /** The loop read the clock outside the minibatches (after giving the host a turn): the time between reads counts from `now`. */
  restart(now: number): void {
    this.last[0] = now;
    this.countdown = this.stride;
  }
}
