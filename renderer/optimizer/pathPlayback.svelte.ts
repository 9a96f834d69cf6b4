// The optimizer paths' playback as a runes class (renderer): the step shown, play and pause, the speed, driven by animation frames.

/** Steps per second the playback offers. */
export const PLAYBACK_SPEEDS = [1, 2, 5, 10, 20, 50, 100, 250, 1000, 5000] as const;
export const DEFAULT_SPEED = 20;

interface FrameClock {
  request(callback: (time: number) => void): number;
  cancel(handle: number): void;
}

const animationFrames: FrameClock = {
  request: (callback) => globalThis.requestAnimationFrame(callback),
  cancel: (handle) => globalThis.cancelAnimationFrame(handle),
};

/**
 * Which step of the paths is shown (every path is drawn up to it, with a marker there), and whether it moves on by
 * itself at `speed` steps a second. Playing past the last step stops there.
 */
export class PathPlayback {
  /** The step shown, 0 … lastStep. */
  step = $state(0);
  /** The longest path's last step. */
  lastStep = $state(0);
  playing = $state(false);
  speed = $state<number>(DEFAULT_SPEED);

  readonly #clock: FrameClock;
  #frame: number | undefined;
  #previousTime: number | undefined;
  /** Fractional steps carried between frames, so a slow speed still advances. */
  #carry = 0;

  constructor(clock: FrameClock = animationFrames) {
    this.#clock = clock;
  }

  get atEnd(): boolean {
    return this.step >= this.lastStep;
  }

  /** New paths: plays them from step 0 up to `lastStep`. */
  restart(lastStep: number): void {
    this.lastStep = Math.max(0, lastStep);
    this.step = 0;
    this.play();
  }

  /** The paths changed without a new one (one removed): keeps the step within them, shows them whole when not playing. */
  resize(lastStep: number): void {
    const wasAtEnd = this.atEnd;
    this.lastStep = Math.max(0, lastStep);
    if (wasAtEnd && !this.playing) this.step = this.lastStep;
    this.step = Math.min(this.step, this.lastStep);
  }

  play(): void {
    if (this.atEnd) this.step = 0;
    if (this.lastStep === 0) return;
    this.playing = true;
    this.#previousTime = undefined;
    this.#carry = 0;
    this.#schedule();
  }

  pause(): void {
    this.playing = false;
    if (this.#frame !== undefined) this.#clock.cancel(this.#frame);
    this.#frame = undefined;
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Shows step `step` (a scrubber moved): pauses the playback. */
  seek(step: number): void {
    this.pause();
    this.step = Math.max(0, Math.min(this.lastStep, Math.round(step)));
  }

  /** Jumps to the end, every path shown whole. */
  showAll(): void {
    this.pause();
    this.step = this.lastStep;
  }

  /** Stops the frames (the lab goes away). */
  dispose(): void {
    this.pause();
  }

  #schedule(): void {
    this.#frame = this.#clock.request((time) => this.#advance(time));
  }

  #advance(time: number): void {
    this.#frame = undefined;
    if (!this.playing) return;
    if (this.#previousTime !== undefined) {
      this.#carry += (Math.min(250, time - this.#previousTime) / 1000) * this.speed;
      const whole = Math.floor(this.#carry);
      this.#carry -= whole;
      this.step = Math.min(this.lastStep, this.step + whole);
    }
    this.#previousTime = time;
    if (this.atEnd) this.playing = false;
    else this.#schedule();
  }
}
