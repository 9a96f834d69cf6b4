// Pause, resume, step, stop and a new learning rate for a training run, shared by whoever asks (the handler) and the loop that obeys; pure, any process.

/** How far a step while paused goes: one training minibatch, or to the end of the current epoch. */
export type StepUnit = 'batch' | 'epoch';

/** The loop checks it at every turn it gives the host; while paused it awaits without spinning, and a stop wakes it. */
export class TrainingControl {
  private paused = false;
  private stopped = false;
  private stepping: StepUnit | undefined;
  private learningRate: number | undefined;
  private wake: (() => void) | undefined;

  get isPaused(): boolean {
    return this.paused;
  }
  get isStopRequested(): boolean {
    return this.stopped;
  }
  /** The step in progress, if the run was resumed for one. */
  get step(): StepUnit | undefined {
    return this.stepping;
  }

  pause(): void {
    this.paused = true;
    this.stepping = undefined;
  }

  resume(): void {
    this.paused = false;
    this.stepping = undefined;
    this.wakeUp();
  }

  /** While paused: runs one minibatch (or to the end of the epoch), then pauses again; ignored when not paused. */
  stepOnce(unit: StepUnit): void {
    if (!this.paused || this.stopped) return;
    this.stepping = unit;
    this.paused = false;
    this.wakeUp();
  }

  /** The loop says a unit of work ended: a step of that unit pauses the run again. */
  finished(unit: StepUnit): void {
    if (this.stepping === unit) {
      this.stepping = undefined;
      this.paused = true;
    }
  }

  /** A new learning rate, taken by the loop at its next turn (so while paused, from the next update on). */
  setLearningRate(learningRate: number): void {
    this.learningRate = learningRate;
  }

  /** The learning rate asked for since the last call, if any (and forgets it). */
  takeLearningRate(): number | undefined {
    const learningRate = this.learningRate;
    this.learningRate = undefined;
    return learningRate;
  }

  stop(): void {
    this.stopped = true;
    this.wakeUp();
  }

  /** Resolves at once when not paused or stopped, else when resumed, stepped or stopped. */
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
