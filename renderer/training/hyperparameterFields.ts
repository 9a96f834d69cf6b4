// The Training form's fields: validates them with the engine's HyperparametersSchema and routes engine errors to a field (renderer).
import type { Normalisation } from '../../engine/data/normalisation.js';
import type { LossName } from '../../engine/losses/lossNames.js';
import { OPTIMIZER_CONSTANTS, type OptimizerConfig, type OptimizerKind } from '../../engine/optimizers/optimizerConfig.js';
import { HyperparametersSchema, type Hyperparameters, type Reduction } from '../../engine/training/hyperparameters.js';

/** Every input of the Training form a message can be shown at. */
export type FormField =
  | 'dataSet'
  | 'toySize'
  | 'toyNoise'
  | 'csvFile'
  | 'labelColumn'
  | 'imageFolder'
  | 'trainSize'
  | 'testSize'
  | 'normalisation'
  | 'trainFraction'
  | 'spec'
  | 'loss'
  | 'optimizer'
  | 'momentum'
  | 'rho'
  | 'beta1'
  | 'beta2'
  | 'epsilon'
  | 'decay'
  | 'weightDecay'
  | 'epochs'
  | 'learningRate'
  | 'batchSize'
  | 'seed'
  | 'reduction';
export type FieldErrors = Partial<Record<FormField, string>>;

/** The optimizer's constants as typed; only those its kind uses are checked and sent. */
export interface OptimizerInput {
  kind: OptimizerKind;
  momentum: number | null;
  rho: number | null;
  beta1: number | null;
  beta2: number | null;
  epsilon: number | null;
}

/** What the inputs hold: a number, or null while a field is empty or not a number. The optional ones default as the engine does. */
export interface HyperparameterInput {
  epochs: number | null;
  learningRate: number | null;
  batchSize: number | null;
  seed: number | null;
  reduction: Reduction;
  /** 'default': the loss that fits the last layer. */
  loss?: LossName | 'default';
  optimizer?: OptimizerInput;
  decay?: number | null;
  weightDecay?: number | null;
  /** 'default': global for the digits, standardize otherwise. */
  normalisation?: Normalisation | 'default';
}

const NOUNS = {
  epochs: 'epochs',
  learningRate: 'learning rate',
  batchSize: 'minibatch size',
  seed: 'seed',
  trainFraction: 'train fraction',
  decay: 'decay',
  weightDecay: 'weight decay',
  momentum: 'momentum',
  rho: 'rho',
  beta1: 'beta1',
  beta2: 'beta2',
  epsilon: 'epsilon',
} as const;

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const missing = (value: number | null | undefined): boolean => value === null || Number.isNaN(value);

export type Validation = { ok: true; value: Hyperparameters; errors: FieldErrors } | { ok: false; errors: FieldErrors };

/** The optimizer as the protocol writes it: plain SGD is left out, and only the constants its kind uses are sent. */
function optimizerConfig(input: OptimizerInput): OptimizerConfig | undefined {
  if (input.kind === 'sgd') return undefined;
  const config: Record<string, unknown> = { kind: input.kind };
  for (const name of OPTIMIZER_CONSTANTS[input.kind]) config[name] = input[name];
  return config as OptimizerConfig;
}

/**
 * Checks the form's values with the same schema the engine uses; each message is keyed by the field at fault.
 * Settings left at the engine's defaults (SGD, decay 1, weight decay 0, the default loss and normalisation) are not sent.
 */
export function validateHyperparameters(input: HyperparameterInput, trainFraction: number | null): Validation {
  const errors: FieldErrors = {};
  const numbers: Partial<Record<keyof typeof NOUNS, number | null | undefined>> = {
    epochs: input.epochs,
    learningRate: input.learningRate,
    batchSize: input.batchSize,
    seed: input.seed,
    trainFraction,
    decay: input.decay,
    weightDecay: input.weightDecay,
  };
  for (const name of input.optimizer ? OPTIMIZER_CONSTANTS[input.optimizer.kind] : []) numbers[name] = input.optimizer![name];
  for (const [key, value] of Object.entries(numbers) as [keyof typeof NOUNS, number | null | undefined][]) {
    if (value !== undefined && missing(value)) errors[key] = `Enter a number for the ${NOUNS[key]}`;
  }

  const optimizer = input.optimizer ? optimizerConfig(input.optimizer) : undefined;
  const candidate = {
    epochs: input.epochs,
    learningRate: input.learningRate,
    batchSize: input.batchSize,
    reduction: input.reduction,
    trainFraction,
    seed: input.seed,
    ...(input.loss && input.loss !== 'default' ? { loss: input.loss } : {}),
    ...(optimizer ? { optimizer } : {}),
    ...(input.decay !== undefined && input.decay !== 1 ? { decay: input.decay } : {}),
    ...(input.weightDecay !== undefined && input.weightDecay !== 0 ? { weightDecay: input.weightDecay } : {}),
    ...(input.normalisation && input.normalisation !== 'default' ? { normalisation: input.normalisation } : {}),
  };
  const result = HyperparametersSchema.safeParse(candidate);
  if (result.success && !Object.keys(errors).length) return { ok: true, value: result.data, errors };
  for (const issue of result.success ? [] : result.error.issues) {
    const field = formFieldOf(issue.path.map(String).join('.'));
    if (field && !errors[field]) errors[field] = capitalize(issue.message);
  }
  return { ok: false, errors };
}

const HYPER_FIELDS = new Set<string>([
  'epochs',
  'learningRate',
  'batchSize',
  'seed',
  'reduction',
  'trainFraction',
  'loss',
  'decay',
  'weightDecay',
  'normalisation',
]);
const OPTIMIZER_FIELDS = new Set<string>(['momentum', 'rho', 'beta1', 'beta2', 'epsilon']);
const DATA_FIELDS: Record<string, FormField> = {
  size: 'toySize',
  noise: 'toyNoise',
  labelColumn: 'labelColumn',
  text: 'csvFile',
  fileName: 'csvFile',
  folder: 'imageFolder',
  trainSize: 'trainSize',
  testSize: 'testSize',
};

/**
 * The form field an engine error names, if any: "learningRate" or "hyper.learningRate" → learningRate,
 * "hyper.optimizer.beta1" → beta1, "dataSet" → dataSet, "dataSet.size" → toySize, "spec.layers.2" → spec (the network).
 */
export function formFieldOf(path: string): FormField | undefined {
  const segments = path.split('.');
  const [head, next] = segments[0] === 'hyper' ? [segments[1], segments[2]] : [segments[0], segments[1]];
  if (head === undefined) return undefined;
  if (head === 'spec') return 'spec';
  if (head === 'dataSet') return (next && DATA_FIELDS[next]) || 'dataSet';
  if (head === 'optimizer') return next && OPTIMIZER_FIELDS.has(next) ? (next as FormField) : 'optimizer';
  return HYPER_FIELDS.has(head) ? (head as FormField) : undefined;
}
