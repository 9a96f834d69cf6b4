// The descent form's values and their validation as a runes class (renderer); starts at the exercise's first run.
import type { OptimizerKind } from '../../engine/optimizers/optimizerConfig.js';
import { EXERCISE_DESCENT, validateDescent, type DescentErrors, type DescentInput, type DescentSettings } from './descentFields.js';

export class DescentForm {
  startX = $state<number | null>(EXERCISE_DESCENT.startX);
  startY = $state<number | null>(EXERCISE_DESCENT.startY);
  stepSize = $state<number | null>(EXERCISE_DESCENT.stepSize);
  steps = $state<number | null>(EXERCISE_DESCENT.steps);
  decay = $state<number | null>(EXERCISE_DESCENT.decay);
  optimizer = $state<OptimizerKind>(EXERCISE_DESCENT.optimizer);

  #validation = $derived(
    validateDescent({ startX: this.startX, startY: this.startY, stepSize: this.stepSize, steps: this.steps, decay: this.decay, optimizer: this.optimizer }),
  );

  get errors(): DescentErrors {
    return this.#validation.errors;
  }
  /** The validated settings, or null while a field is wrong. */
  get settings(): DescentSettings | null {
    return this.#validation.ok ? this.#validation.value : null;
  }

  /** Puts every field to a preset's values. */
  apply(input: DescentInput): void {
    this.startX = input.startX;
    this.startY = input.startY;
    this.stepSize = input.stepSize;
    this.steps = input.steps;
    this.decay = input.decay;
    this.optimizer = input.optimizer;
  }

  setStart(x: number, y: number): void {
    this.startX = x;
    this.startY = y;
  }
}
