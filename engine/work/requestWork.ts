// One request's work as the engine service tracks it: stoppable by the request's id, with the slicer its handler paces long loops by; pure, any process.
import { TimeSlicer, type TimeSliceOptions } from './timeSlicer.js';

/**
 * The work of one request. The engine service makes one for every request that has a requestId and hands it to the
 * handler as `context.work`; a `work.stop` naming that id, or the service being disposed, stops it. A handler with a
 * long loop paces it with `context.work.slicer()`, whose turns throw WorkStoppedError once stopped.
 */
export class RequestWork {
  readonly #yieldToEventLoop: (() => Promise<void>) | undefined;
  readonly #isDisposed: () => boolean;
  #stopped = false;

  constructor(options: { yieldToEventLoop?: (() => Promise<void>) | undefined; isDisposed?: () => boolean } = {}) {
    this.#yieldToEventLoop = options.yieldToEventLoop;
    this.#isDisposed = options.isDisposed ?? (() => false);
  }

  /** Asks the work to stop at its next turn. */
  stop(): void {
    this.#stopped = true;
  }

  /** True once a stop was asked for or the engine is shutting down. */
  get isStopped(): boolean {
    return this.#stopped || this.#isDisposed();
  }

  /** A fresh slicer for one loop of this work (the host's yield, this work's stop). */
  slicer(options: Pick<TimeSliceOptions, 'sliceMilliseconds' | 'now'> = {}): TimeSlicer {
    return new TimeSlicer({ ...options, yieldToEventLoop: this.#yieldToEventLoop, shouldStop: () => this.isStopped });
  }
}
