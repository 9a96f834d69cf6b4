// One group of save buttons' state as a runes class (renderer, the Export lab and the chart shell): what is being made and saved, and how the last save went.
import { buildFailure, type SaveOutcome } from './saveOutcome.js';

export class SaveTask {
  #busy = $state<string | null>(null);
  #outcome = $state<SaveOutcome | null>(null);

  /** The name of the file being made and saved, while one is. */
  get busy(): string | null {
    return this.#busy;
  }
  /** How the last save went, in words. */
  get outcome(): SaveOutcome | null {
    return this.#outcome;
  }

  /** Runs `work` for the file `name` unless another is under way; whatever it throws becomes an outcome in words. */
  async run(name: string, work: () => Promise<SaveOutcome>): Promise<void> {
    if (this.#busy !== null) return;
    this.#busy = name;
    this.#outcome = null;
    try {
      this.#outcome = await work();
    } catch (error) {
      this.#outcome = buildFailure(name, error);
    } finally {
      this.#busy = null;
    }
  }

  /** Shows an outcome that came from elsewhere (e.g. opening a file). */
  report(outcome: SaveOutcome | null): void {
    this.#outcome = outcome;
  }
}
