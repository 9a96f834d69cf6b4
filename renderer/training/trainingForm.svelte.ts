// The Training form's values, the choices they lead to and their validation as a runes class (renderer); starts at the exercise's settings.
import { orderedExtras, type ExtraFeature } from '../../engine/data/extraFeatures.js';
import type { Normalisation } from '../../engine/data/normalisation.js';
import type { PickedImages } from '../../engine/data/dataSource.js';
import type { LossName } from '../../engine/losses/lossNames.js';
import { OPTIMIZER_DEFAULTS, type OptimizerKind } from '../../engine/optimizers/optimizerConfig.js';
import type { Catalog } from '../../engine/protocol/catalog.js';
import { EXERCISE_HYPERPARAMETERS, type Reduction } from '../../engine/training/hyperparameters.js';
import type { NetworkSpec } from '../../engine/spec.js';
import { previewCsv, type CsvPreview } from './csvPreview.js';
import { IMAGE_DATA_SET_NAMES, type ImageDataSetName } from '../../engine/data/dataSetNames.js';
import { dataKindOf, dataName, dataShapeOf, dataSourceOf, imageChoiceOf, type DataInput, type DataKind, type DataShape } from './dataChoice.js';
import type { FieldErrors, HyperparameterInput } from './hyperparameterFields.js';
import { BUILDER_CHOICE, fitsData, fittingChoice, misfitOf, networkOption, networkOptions, type NetworkOption } from './networkChoice.js';
import { NETWORK_PRESETS, type NetworkPreset } from '../models/networkPresets.js';
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
  /** Image files: the folder "Open image files…" reads, and the subsets of the training and test images (null: all). */
  imageFolder = $state<string | null>(null);
  /** Image files picked in the browser, with their bytes (never saved: a project keeps the folder's path only). */
  pickedImages = $state.raw<PickedImages | null>(null);
  /** The name of the files picked last, which a project keeps so that it can say which to pick again. */
  pickedName = $state<string | null>(null);
  trainSize = $state<number | null>(null);
  testSize = $state<number | null>(null);
  /** Extra input features for two-feature data (kept while other data is chosen, used only with two features). */
  extraFeatures = $state<ExtraFeature[]>([]);
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
  /** The builder's network, as the shell shares it; `problem` says why the builder cannot make it a network now. */
  draft = $state.raw<{ name: string; spec: NetworkSpec; problem?: string | null }>({ name: NETWORK_PRESETS[0]!.name, spec: NETWORK_PRESETS[0]!.spec });
  /** Why the picked CSV file cannot be read, found before the engine sees it. */
  csvProblem = $state<string | null>(null);

  #dataInput = $derived<DataInput>({
    choice: this.dataChoice,
    toySize: this.toySize,
    toyNoise: this.toyNoise,
    csv: this.csv,
    labelColumn: this.labelColumn,
    images: { folder: this.imageFolder, picked: this.pickedImages, pickedName: this.pickedName, trainSize: this.trainSize, testSize: this.testSize },
  });
  #preview = $derived.by((): CsvPreview | null => {
    if (!this.csv) return null;
    const preview = previewCsv(this.csv.text, this.labelColumn);
    return 'error' in preview ? null : preview;
  });
  /** The data's own shape, before extra features. */
  #ownShape = $derived(dataShapeOf(this.#dataInput, this.catalog, this.#preview));
  /** Two-feature data: a plane to scatter and draw the boundary on, and room for extra features. */
  #plane = $derived(this.#ownShape?.inputs === 2);
  #extras = $derived(this.#plane ? orderedExtras(this.extraFeatures) : []);
  #shape = $derived(this.#ownShape && this.#extras.length ? { ...this.#ownShape, inputs: this.#ownShape.inputs + this.#extras.length } : this.#ownShape);
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
  #plan = $derived(buildTrainPlan(this.#dataInput, this.#network, this.#hyperInput, this.trainFraction, this.#plane ? { extraFeatures: this.#extras } : null));

  get dataKind(): DataKind {
    return dataKindOf(this.dataChoice);
  }
  get csvPreview(): CsvPreview | null {
    return this.#preview;
  }
  /** The data's shape as the network sees it (extra features included). */
  get shape(): DataShape | null {
    return this.#shape;
  }
  /** The data has two features of its own (a plane to draw). */
  get plane(): boolean {
    return this.#plane;
  }
  /** The extra features the run will add (none unless the data has two features). */
  get activeExtraFeatures(): ExtraFeature[] {
    return this.#extras;
  }
  get networkOptions(): NetworkOption[] {
    return this.#options;
  }
  get network(): NetworkOption {
    return this.#network;
  }
  /** What the form itself sees keeping the network from the data's shape (null when it fits, or the shape is not known). */
  get misfit(): string | null {
    return this.#shape ? misfitOf(this.#network.spec, this.#shape) : null;
  }
  /** The shipped data set chosen, while its shape is not known (the engine has not described its data sets yet); else null. */
  get unknownShape(): string | null {
    return this.dataKind === 'shipped' && !this.#ownShape ? dataName(this.#dataInput) : null;
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
    return {
      spec: this.#network.spec,
      dataSet: source.ok ? source.source : undefined,
      loss: this.loss === 'default' ? undefined : this.loss,
      ...(this.#extras.length ? { extraFeatures: this.#extras } : {}),
    };
  }

  /** The builder's network is chosen. */
  get builderChosen(): boolean {
    return this.networkChoice === BUILDER_CHOICE;
  }

  /** Why the builder's network, chosen, cannot be trained as the builder has it now (null when it can, or it is not chosen). */
  get builderProblem(): string | null {
    return this.builderChosen ? (this.draft.problem ?? null) : null;
  }

  /**
   * Chooses the builder's network ("Train this network"); when it does not fit the data chosen here but the builder
   * checked it against another data set, that data set is chosen too.
   */
  useBuilderNetwork(builderDataSet?: string): void {
    this.networkChoice = BUILDER_CHOICE;
    const shape = this.#shape;
    const spec = this.draft.spec;
    // The builder names an image data set as it is ("fashion-mnist"); the menu as "images:fashion-mnist".
    const choice =
      builderDataSet && (IMAGE_DATA_SET_NAMES as readonly string[]).includes(builderDataSet)
        ? imageChoiceOf(builderDataSet as ImageDataSetName)
        : builderDataSet;
    if (choice && choice !== this.dataChoice && shape && !fitsData(spec, shape)) {
      const offered = dataShapeOf({ choice, csv: null, images: undefined }, this.catalog, null);
      if (offered && fitsData(spec, offered)) this.dataChoice = choice;
    }
  }

  /** After the data changed: keeps the network if it fits, else picks one that does. */
  fitNetworkToData(): void {
    this.networkChoice = fittingChoice(this.#options, this.networkChoice, this.#shape);
  }

  /** What data.preview is asked about: the data as a run would prepare it; null while the data, split or seed is not valid. */
  get previewSubject() {
    const source = dataSourceOf(this.#dataInput);
    const fraction = this.trainFraction;
    const seed = this.seed;
    // Image files keep their own split: the train fraction does not apply to them.
    const images = source.ok && typeof source.source === 'object' && source.source.kind === 'images';
    const validFraction = fraction !== null && fraction > 0 && fraction < 1;
    if (!source.ok || (!images && !validFraction) || seed === null || !Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) return null;
    return {
      dataSet: source.source,
      trainFraction: validFraction ? fraction : EXERCISE_HYPERPARAMETERS.trainFraction,
      seed,
      ...(this.normalisation === 'default' ? {} : { normalisation: this.normalisation }),
      ...(this.#extras.length ? { extraFeatures: this.#extras } : {}),
    };
  }

  /** Adds or removes an extra feature, then keeps the network fitting the widened data. */
  toggleExtraFeature(feature: ExtraFeature, on: boolean): void {
    const others = this.extraFeatures.filter((f) => f !== feature);
    this.extraFeatures = orderedExtras(on ? [...others, feature] : others);
    this.fitNetworkToData();
  }

  /** Takes a picked CSV file's text; the label column goes back to the last column. */
  useCsv(fileName: string, text: string): void {
    const preview = previewCsv(text);
    this.csv = { fileName, text };
    this.labelColumn = 'error' in preview ? null : preview.labelColumn;
    this.csvProblem = 'error' in preview ? preview.error : null;
    this.fitNetworkToData();
  }

  /** The chosen preset network when it comes with settings it is tuned with (an image preset). */
  get tunedPreset(): NetworkPreset | undefined {
    const preset = NETWORK_PRESETS.find((p) => p.id === this.networkChoice);
    return preset?.hyper ? preset : undefined;
  }

  /** Puts the chosen preset's tuned settings into the hyperparameter fields (the optimizer's constants at their defaults). */
  useTunedSettings(): void {
    const hyper = this.tunedPreset?.hyper;
    if (!hyper) return;
    if (hyper.epochs !== undefined) this.epochs = hyper.epochs;
    if (hyper.learningRate !== undefined) this.learningRate = hyper.learningRate;
    if (hyper.batchSize !== undefined) this.batchSize = hyper.batchSize;
    if (hyper.reduction !== undefined) this.reduction = hyper.reduction;
    if (hyper.optimizer) this.optimizer = hyper.optimizer.kind;
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
