// Pause, resume and stop for a training run, shared by whoever asks (the handler) and the loop that obeys; pure, any process.

/** The loop checks it at every turn it gives the host; while paused it awaits without spinning, and a stop wakes it. */
export class TrainingControl {
  private paused = false;
  private stopped = false;
  private wake: (() => void) | undefined;

  get isPaused(): boolean {
    return this.paused;
  }
  get isStopRequested(): boolean {
    return this.stopped;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.wakeUp();
  }

  stop(): void {
    this.stopped = true;
    this.wakeUp();
  }

  /** Resolves at once when not paused or stopped, else when resumed or stopped. */
  whenResumed(): Promise<void> {
    if (!this.paused || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const previous = this.wake;
      this.wake = () => {
        previous?.();
        resolve();
      };
    });
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
