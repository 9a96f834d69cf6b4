// The Training form's values, the choices they lead to and their validation as a runes class (renderer); starts at the exercise's settings.
import type { Normalisation } from '../../engine/data/normalisation.js';
import type { LossName } from '../../engine/losses/lossNames.js';
import { OPTIMIZER_DEFAULTS, type OptimizerKind } from '../../engine/optimizers/optimizerConfig.js';
import type { Catalog } from '../../engine/protocol/catalog.js';
import { EXERCISE_HYPERPARAMETERS, type Reduction } from '../../engine/training/hyperparameters.js';
import type { NetworkSpec } from '../../engine/spec.js';
import { previewCsv, type CsvPreview } from './csvPreview.js';
import { dataKindOf, dataShapeOf, dataSourceOf, type DataInput, type DataKind, type DataShape } from './dataChoice.js';
import type { FieldErrors, HyperparameterInput } from './hyperparameterFields.js';
import { fittingChoice, networkOption, networkOptions, type NetworkOption } from './networkChoice.js';
import { NETWORK_PRESETS } from '../models/networkPresets.js';
import { buildTrainPlan, lossOf, type PlanResult } from './trainPlan.js';

export class TrainingForm {
  // data
  dataChoice = $state('digits-binary');
  toySize = $state<number | null>(400);
  toyNoise = $state<number | null>(0.1);
  csv = $state.raw<{ fileName: string; text: string } | null>(null);
  labelColumn = $state<string | null>(null);
  normalisation = $state<Normalisation | 'default'>('default');
  trainFraction = $state<number | null>(EXERCISE_HYPERPARAMETERS.trainFraction);
  // network
  networkChoice = $state(NETWORK_PRESETS[0]!.id);
  // hyperparameters
  epochs = $state<number | null>(EXERCISE_HYPERPARAMETERS.epochs);
  learningRate = $state<number | null>(EXERCISE_HYPERPARAMETERS.learningRate);
  batchSize = $state<number | null>(EXERCISE_HYPERPARAMETERS.batchSize);
  seed = $state<number | null>(EXERCISE_HYPERPARAMETERS.seed);
  reduction = $state<Reduction>(EXERCISE_HYPERPARAMETERS.reduction);
  loss = $state<LossName | 'default'>('default');
  optimizer = $state<OptimizerKind>('sgd');
  momentum = $state<number | null>(OPTIMIZER_DEFAULTS.momentum);
  rho = $state<number | null>(OPTIMIZER_DEFAULTS.rho);
  beta1 = $state<number | null>(OPTIMIZER_DEFAULTS.beta1);
  beta2 = $state<number | null>(OPTIMIZER_DEFAULTS.beta2);
  epsilon = $state<number | null>(OPTIMIZER_DEFAULTS.epsilon);
  decay = $state<number | null>(1);
  weightDecay = $state<number | null>(0);

  /** The shipped data sets' shapes, from engine.describe (null until it answers). */
  catalog = $state.raw<Catalog['dataSets'] | null>(null);
  /** The builder's network, as the shell shares it. */
  draft = $state.raw<{ name: string; spec: NetworkSpec }>({ name: NETWORK_PRESETS[0]!.name, spec: NETWORK_PRESETS[0]!.spec });
  /** Why the picked CSV file cannot be read, found before the engine sees it. */
  csvProblem = $state<string | null>(null);

  #dataInput = $derived<DataInput>({ choice: this.dataChoice, toySize: this.toySize, toyNoise: this.toyNoise, csv: this.csv, labelColumn: this.labelColumn });
  #preview = $derived.by((): CsvPreview | null => {
    if (!this.csv) return null;
    const preview = previewCsv(this.csv.text, this.labelColumn);
    return 'error' in preview ? null : preview;
  });
  #shape = $derived(dataShapeOf(this.#dataInput, this.catalog, this.#preview));
  // A plain copy: what is sent to the engine must be cloneable, not a state proxy.
  #draftCopy = $derived({ name: this.draft.name, spec: $state.snapshot(this.draft.spec) as NetworkSpec });
  #options = $derived(networkOptions(this.#shape, this.#draftCopy));
  #network = $derived(networkOption(this.#options, this.networkChoice));
  #hyperInput = $derived<HyperparameterInput>({
    epochs: this.epochs,
    learningRate: this.learningRate,
    batchSize: this.batchSize,
    seed: this.seed,
    reduction: this.reduction,
    loss: this.loss,
    decay: this.decay,
    weightDecay: this.weightDecay,
    normalisation: this.normalisation,
    optimizer: { kind: this.optimizer, momentum: this.momentum, rho: this.rho, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon },
  });
  #plan = $derived(buildTrainPlan(this.#dataInput, this.#network, this.#hyperInput, this.trainFraction));

  get dataKind(): DataKind {
    return dataKindOf(this.dataChoice);
  }
  get csvPreview(): CsvPreview | null {
    return this.#preview;
  }
  get shape(): DataShape | null {
    return this.#shape;
  }
  get networkOptions(): NetworkOption[] {
    return this.#options;
  }
  get network(): NetworkOption {
    return this.#network;
  }
  get lossName(): LossName {
    return lossOf(this.#network.spec, this.loss);
  }
  get plan(): PlanResult {
    return this.#plan;
  }
  get errors(): FieldErrors {
    const errors = this.#plan.errors;
    // Why the picked file cannot be used says more than the plan's "Choose a CSV file".
    return this.csvProblem && this.dataKind === 'csv' ? { ...errors, csvFile: this.csvProblem } : errors;
  }
  /** What spec.check is asked about: the network and, when it is valid, the data. */
  get checkSubject() {
    const source = dataSourceOf(this.#dataInput);
    return { spec: this.#network.spec, dataSet: source.ok ? source.source : undefined, loss: this.loss === 'default' ? undefined : this.loss };
  }

  /** After the data changed: keeps the network if it fits, else picks one that does. */
  fitNetworkToData(): void {
    this.networkChoice = fittingChoice(this.#options, this.networkChoice, this.#shape);
  }

  /** Takes a picked CSV file's text; the label column goes back to the last column. */
  useCsv(fileName: string, text: string): void {
    const preview = previewCsv(text);
    this.csv = { fileName, text };
    this.labelColumn = 'error' in preview ? null : preview.labelColumn;
    this.csvProblem = 'error' in preview ? preview.error : null;
    this.fitNetworkToData();
  }

  /** Puts the hyperparameters back to the exercise's settings. */
  resetToExercise(): void {
    this.epochs = EXERCISE_HYPERPARAMETERS.epochs;
    this.learningRate = EXERCISE_HYPERPARAMETERS.learningRate;
    this.batchSize = EXERCISE_HYPERPARAMETERS.batchSize;
    this.seed = EXERCISE_HYPERPARAMETERS.seed;
    this.reduction = EXERCISE_HYPERPARAMETERS.reduction;
    this.trainFraction = EXERCISE_HYPERPARAMETERS.trainFraction;
    this.loss = 'default';
    this.optimizer = 'sgd';
    this.decay = 1;
    this.weightDecay = 0;
    this.normalisation = 'default';
  }
}
