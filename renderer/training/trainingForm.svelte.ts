// The Training form's values and their validation as a runes class (renderer); starts at the exercise's settings.
import { EXERCISE_HYPERPARAMETERS, type DataSetName, type Hyperparameters, type Reduction } from '../../engine/protocol.js';
import { validateHyperparameters, type FieldErrors } from './hyperparameterFields.js';
import { NETWORK_PRESETS, presetById, type NetworkPreset } from './presets.js';

/** The data sets the Training view offers. The 10-class `digits` waits for a 10-output network (Softmax, a later version). */
export const DATA_SET_CHOICES: readonly { name: DataSetName; label: string }[] = [
  { name: 'digits-binary', label: 'Digits 0–4 vs 5–9' },
];

export class TrainingForm {
  dataSet = $state<DataSetName>('digits-binary');
  presetId = $state(NETWORK_PRESETS[0]!.id);
  epochs = $state<number | null>(EXERCISE_HYPERPARAMETERS.epochs);
  learningRate = $state<number | null>(EXERCISE_HYPERPARAMETERS.learningRate);
  batchSize = $state<number | null>(EXERCISE_HYPERPARAMETERS.batchSize);
  seed = $state<number | null>(EXERCISE_HYPERPARAMETERS.seed);
  reduction = $state<Reduction>(EXERCISE_HYPERPARAMETERS.reduction);
  /** The exercise's 50/50 split; not editable in this version. */
  readonly trainFraction = EXERCISE_HYPERPARAMETERS.trainFraction;

  #validation = $derived(
    validateHyperparameters(
      { epochs: this.epochs, learningRate: this.learningRate, batchSize: this.batchSize, seed: this.seed, reduction: this.reduction },
      this.trainFraction,
    ),
  );
  #preset = $derived(presetById(this.presetId));

  get preset(): NetworkPreset { return this.#preset; }
  get errors(): FieldErrors { return this.#validation.errors; }
  /** The validated hyperparameters, or null while a field is wrong. */
  get hyperparameters(): Hyperparameters | null { return this.#validation.ok ? this.#validation.value : null; }

  /** Puts every field back to the exercise's settings. */
  resetToExercise(): void {
    this.epochs = EXERCISE_HYPERPARAMETERS.epochs;
    this.learningRate = EXERCISE_HYPERPARAMETERS.learningRate;
    this.batchSize = EXERCISE_HYPERPARAMETERS.batchSize;
    this.seed = EXERCISE_HYPERPARAMETERS.seed;
    this.reduction = EXERCISE_HYPERPARAMETERS.reduction;
  }
}
