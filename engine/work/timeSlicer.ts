// Cooperative time slicing for the engine's long loops: work in slices of a few milliseconds, a host turn between them, a stop honoured at each turn; pure, any process.
import { yieldToEventLoop as defaultYield } from '../training/yieldToEventLoop.js';
import { WorkStoppedError } from './workStopped.js';

export interface TimeSliceOptions {
  /** The longest stretch of work between two turns, in milliseconds (default SLICE_MILLISECONDS). */
  sliceMilliseconds?: number;
  /** Gives the host's event loop a turn, so a stop request is read (default: setImmediate, else setTimeout 0). */
  yieldToEventLoop?: (() => Promise<void>) | undefined;
  /** Asked after every turn; true ends the work with a WorkStoppedError. */
  shouldStop?: () => boolean;
  /** The clock, in milliseconds (default Date.now). */
  now?: () => number;
}

/** Work between two turns: short enough that a stop (and a heartbeat) is answered within a few tens of milliseconds. */
export const SLICE_MILLISECONDS = 15;

/** The most calls of `due()` between two readings of the clock; the stride grows while readings come sooner than needed. */
const MAX_STRIDE = 4096;

/**
 * Paces a long loop: `if (slicer.due()) await slicer.turn();` inside it, or `await slicer.forEach(n, body)` for a
 * counted one. `due()` is cheap enough for the innermost loop: it reads the clock only every `stride` calls, and the
 * stride adapts so that the clock is read about every millisecond whatever one iteration costs. `turn()` gives the
 * host a turn and throws WorkStoppedError when a stop was asked for (catch it to clean up; the engine service turns
 * it into the request's "stopped" answer).
 */
export class TimeSlicer {
  readonly #slice: number;
  readonly #giveTurn: () => Promise<void>;
  readonly #shouldStop: () => boolean;
  readonly #now: () => number;
  #sliceStart: number;
  #lastReading: number;
  #stride = 1;
  #countdown = 1;
  #turns = 0;

  constructor(options: TimeSliceOptions = {}) {
    this.#slice = options.sliceMilliseconds ?? SLICE_MILLISECONDS;
    this.#giveTurn = options.yieldToEventLoop ?? defaultYield;
    this.#shouldStop = options.shouldStop ?? (() => false);
    this.#now = options.now ?? Date.now;
    this.#sliceStart = this.#now();
    this.#lastReading = this.#sliceStart;
  }

  /** How many turns the work has given so far. */
  get turns(): number {
    return this.#turns;
  }

  /** True when a stop has been asked for (without waiting for the next turn). */
  get isStopRequested(): boolean {
    return this.#shouldStop();
  }

  /** True when the current slice's time is up and the loop should `await turn()`. */
  due(): boolean {
    if (--this.#countdown > 0) return false;
    const now = this.#now();
    const sinceReading = now - this.#lastReading;
    this.#lastReading = now;
    if (sinceReading < 0.5 && this.#stride < MAX_STRIDE) this.#stride *= 2;
    else if (sinceReading > 2 && this.#stride > 1) this.#stride = Math.max(1, this.#stride >> 1);
    this.#countdown = this.#stride;
    return now - this.#sliceStart >= this.#slice;
  }

  /** Gives the host a turn and starts a new slice; throws WorkStoppedError when the work should stop. */
  async turn(): Promise<void> {
    if (this.#shouldStop()) throw new WorkStoppedError();
    await this.#giveTurn();
    this.#turns++;
    if (this.#shouldStop()) throw new WorkStoppedError();
    this.#sliceStart = this.#now();
    this.#lastReading = this.#sliceStart;
  }

  /** Runs `body(i)` for i = 0 … count − 1, giving turns as slices run out. */
  async forEach(count: number, body: (index: number) => void): Promise<void> {
    for (let i = 0; i < count; i++) {
      body(i);
      if (this.due()) await this.turn();
    }
  }
}
