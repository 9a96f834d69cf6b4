// The descent form's values and their validation as a runes class (renderer); starts at the exercise's first run, the optimizer's constants at their defaults.
import { OPTIMIZER_DEFAULTS, type OptimizerConstant, type OptimizerKind } from '../../engine/optimizers/optimizerConfig.js';
import { EXERCISE_DESCENT, validateDescent, type DescentErrors, type DescentInput, type DescentSettings } from './descentFields.js';

export class DescentForm {
  startX = $state<number | null>(EXERCISE_DESCENT.startX);
  startY = $state<number | null>(EXERCISE_DESCENT.startY);
  stepSize = $state<number | null>(EXERCISE_DESCENT.stepSize);
  steps = $state<number | null>(EXERCISE_DESCENT.steps);
  decay = $state<number | null>(EXERCISE_DESCENT.decay);
  optimizer = $state<OptimizerKind>(EXERCISE_DESCENT.optimizer);
  momentum = $state<number | null>(OPTIMIZER_DEFAULTS.momentum);
  rho = $state<number | null>(OPTIMIZER_DEFAULTS.rho);
  beta1 = $state<number | null>(OPTIMIZER_DEFAULTS.beta1);
  beta2 = $state<number | null>(OPTIMIZER_DEFAULTS.beta2);
  epsilon = $state<number | null>(OPTIMIZER_DEFAULTS.epsilon);

  #validation = $derived(validateDescent(this.input));

  /** The fields as they are. */
  get input(): DescentInput {
    return {
      startX: this.startX,
      startY: this.startY,
      stepSize: this.stepSize,
      steps: this.steps,
      decay: this.decay,
      optimizer: this.optimizer,
      constants: { momentum: this.momentum, rho: this.rho, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon },
    };
  }
  get errors(): DescentErrors {
    return this.#validation.errors;
  }
  /** The validated settings, or null while a field is wrong. */
  get settings(): DescentSettings | null {
    return this.#validation.ok ? this.#validation.value : null;
  }

  /** Puts every field to a preset's values; constants it leaves out go back to their defaults. */
  apply(input: DescentInput): void {
    this.startX = input.startX;
    this.startY = input.startY;
    this.stepSize = input.stepSize;
    this.steps = input.steps;
    this.decay = input.decay;
    this.optimizer = input.optimizer;
    for (const name of Object.keys(OPTIMIZER_DEFAULTS) as OptimizerConstant[]) this[name] = input.constants?.[name] ?? OPTIMIZER_DEFAULTS[name];
  }

  setStart(x: number, y: number): void {
    this.startX = x;
    this.startY = y;
  }
}
