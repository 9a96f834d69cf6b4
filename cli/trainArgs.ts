// Parses and checks the options of `backprop-lab train` into an engine request (Node, the CLI process).
import { readFileSync } from 'node:fs';
import { dataSourceName, type DataSource } from '../engine/data/dataSource.js';
import { findPreset, NETWORK_PRESETS } from '../engine/network/networkPresets.js';
import { EXTRA_FEATURES, ExtraFeaturesSchema, type ExtraFeature } from '../engine/data/extraFeatures.js';
import { NormalisationSchema } from '../engine/data/normalisation.js';
import { LOSS_NAMES } from '../engine/losses/lossNames.js';
import { OPTIMIZER_KINDS } from '../engine/optimizers/optimizerConfig.js';
import { EXERCISE_HYPERPARAMETERS, HyperparametersSchema, type Hyperparameters } from '../engine/training/hyperparameters.js';
import { INIT_SCHEMES, type NetworkSpec } from '../engine/spec.js';
import type { TrainedWeights } from '../engine/trainedWeights.js';
import { defaultNet, parseDataArgs, type DataShape } from './dataArgs.js';
import { checkOutFolder } from './outFolder.js';
import { readSpec } from './readSpec.js';
import { withImageInput } from '../engine/network/imageInput.js';
import { parseOptions, toChoice, toNumber } from './parseOptions.js';
import { MEMORY_LIMIT_OPTION, toMemoryBudget } from './memoryLimit.js';
import { UsageError } from './usageError.js';
import type { EngineBudget } from '../engine/budget/engineBudget.js';

export { UsageError };

export interface TrainSettings {
  spec: NetworkSpec;
  dataSet: DataSource;
  /** How the data set is named in messages and reports. */
  dataName: string;
  hyper: Hyperparameters;
  initialWeights: TrainedWeights | undefined;
  out: string | undefined;
  json: boolean;
  /** --memory-limit: the engine's memory budget (its default when absent). */
  budget: EngineBudget | undefined;
  /** For image files: their class names, which the report's table of classes shows. */
  classes?: readonly string[] | undefined;
}

/** Which option each engine field comes from, to name it in messages. */
export const FLAG_OF_FIELD: Record<string, string> = {
  'hyper.epochs': '--epochs',
  'hyper.learningRate': '--lr',
  'hyper.batchSize': '--batch',
  'hyper.seed': '--seed',
  'hyper.reduction': '--reduction',
  'hyper.trainFraction': '--split',
  'hyper.loss': '--loss',
  'hyper.optimizer': '--optimizer',
  'hyper.decay': '--decay',
  'hyper.weightDecay': '--weight-decay',
  'hyper.normalisation': '--normalise',
  'hyper.extraFeatures': '--features',
  'dataSet.trainSize': '--train-size',
  'dataSet.testSize': '--test-size',
  dataSet: '--data',
  initialWeights: '--init-from',
};

/** The option a field path belongs to: "spec…" is --net, "hyper.optimizer.momentum" is --momentum, "initialWeights.parameters.2.shape" is --init-from. */
export function flagOfField(field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  if (field.startsWith('spec')) return '--net';
  if (field.startsWith('hyper.optimizer.')) return `--${field.slice('hyper.optimizer.'.length)}`;
  if (FLAG_OF_FIELD[field]) return FLAG_OF_FIELD[field];
  if (field.startsWith('dataSet')) return '--data';
  if (field.startsWith('initialWeights')) return '--init-from';
  return FLAG_OF_FIELD[field];
}

/**
 * Reads --init-from: weights.json carries its network; a .npz is read for the network --net (or the default) describes.
 * The readers (fflate for .npz) are loaded only when --init-from is given.
 */
async function readInitialWeights(file: string, spec: NetworkSpec | undefined, shape: DataShape): Promise<TrainedWeights> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UsageError(`--init-from ${file}: ${reason}`);
  }
  const { decodeWeightsNpz, fromWeightsDocument } = await import('../engine/export/readWeights.js');
  try {
    if (file.toLowerCase().endsWith('.npz')) return decodeWeightsNpz(new Uint8Array(bytes), spec ?? readSpec(defaultNet(shape), shape.inputs));
    const weights = fromWeightsDocument(JSON.parse(bytes.toString('utf8')));
    if (spec && JSON.stringify(spec) !== JSON.stringify(weights.spec)) {
      throw new Error('its network differs from --net; leave --net out to continue the saved network');
    }
    return weights;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--init-from ${file}: ${(error as Error).message}`);
  }
}

const OPTIONS = {
  net: { type: 'string' },
  preset: { type: 'string' },
  data: { type: 'string' },
  'train-size': { type: 'string' },
  'test-size': { type: 'string' },
  'label-column': { type: 'string' },
  'toy-size': { type: 'string' },
  noise: { type: 'string' },
  normalise: { type: 'string' },
  epochs: { type: 'string' },
  lr: { type: 'string' },
  batch: { type: 'string' },
  seed: { type: 'string' },
  reduction: { type: 'string' },
  split: { type: 'string' },
  features: { type: 'string' },
  loss: { type: 'string' },
  optimizer: { type: 'string' },
  momentum: { type: 'string' },
  beta1: { type: 'string' },
  beta2: { type: 'string' },
  rho: { type: 'string' },
  decay: { type: 'string' },
  'weight-decay': { type: 'string' },
  init: { type: 'string' },
  'init-from': { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  ...MEMORY_LIMIT_OPTION,
  help: { type: 'boolean', short: 'h' },
} as const;

/** Reads --features x2,y2,xy,sinx,siny: extra features for data with two features, which widen the network's input. */
function parseExtraFeatures(list: string | undefined, inputs: number): ExtraFeature[] {
  if (list === undefined) return [];
  const parsed = ExtraFeaturesSchema.safeParse(
    list
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== ''),
  );
  if (!parsed.success) throw new UsageError(`--features: ${parsed.error.issues[0]!.message}`);
  if (parsed.data.length === 0) throw new UsageError(`--features: name one or more of ${EXTRA_FEATURES.join(', ')}`);
  if (inputs !== 2) throw new UsageError(`--features: extra features need data with 2 features, but --data has ${inputs}`);
  return parsed.data;
}

/** Parses `train`'s arguments; every problem is a UsageError naming the option. */
export async function parseTrainArgs(argv: string[]): Promise<TrainSettings> {
  const values = parseOptions(argv, OPTIONS);
  const budget = toMemoryBudget(values['memory-limit']);
  const preset = values.preset === undefined ? undefined : findPreset(values.preset);
  if (values.preset !== undefined && !preset) {
    throw new UsageError(`--preset: ${JSON.stringify(values.preset)} is not a preset; presets: ${NETWORK_PRESETS.map((p) => p.id).join(', ')}`);
  }
  if (preset && values.net !== undefined) throw new UsageError('--preset: the network comes from --net; leave one of them out');
  const { source, shape: rawShape } = await parseDataArgs({
    data: values.data ?? preset?.data,
    trainSize: values['train-size'],
    testSize: values['test-size'],
    labelColumn: values['label-column'],
    toySize: toNumber('--toy-size', values['toy-size']),
    noise: toNumber('--noise', values.noise),
  });
  const extraFeatures = parseExtraFeatures(values.features, rawShape.inputs);
  const shape = { ...rawShape, inputs: rawShape.inputs + extraFeatures.length };
  const kind = toChoice('--optimizer', values.optimizer, OPTIMIZER_KINDS);
  const constants = {
    momentum: toNumber('--momentum', values.momentum),
    beta1: toNumber('--beta1', values.beta1),
    beta2: toNumber('--beta2', values.beta2),
    rho: toNumber('--rho', values.rho),
  };
  const setConstants = Object.fromEntries(Object.entries(constants).filter(([, v]) => v !== undefined));
  if (!kind && Object.keys(setConstants).length > 0) throw new UsageError(`--${Object.keys(setConstants)[0]}: give --optimizer too`);
  const images = typeof source === 'object' && source.kind === 'images';
  if (images && values.split !== undefined) {
    throw new UsageError('--split: image files keep their own training and test split; use --train-size (and --test-size) for a smaller run');
  }
  const defaults = { ...EXERCISE_HYPERPARAMETERS, ...preset?.hyper };
  const normalisation = values.normalise === undefined ? undefined : NormalisationSchema.safeParse(values.normalise);
  if (normalisation && !normalisation.success) throw new UsageError(`--normalise: ${JSON.stringify(values.normalise)} is not one of none, global, standardize`);
  const hyperResult = HyperparametersSchema.safeParse({
    epochs: toNumber('--epochs', values.epochs, defaults.epochs),
    learningRate: toNumber('--lr', values.lr, defaults.learningRate),
    batchSize: toNumber('--batch', values.batch, defaults.batchSize),
    reduction: values.reduction ?? defaults.reduction,
    trainFraction: toNumber('--split', values.split, defaults.trainFraction),
    seed: toNumber('--seed', values.seed, defaults.seed),
    ...(values.loss !== undefined ? { loss: toChoice('--loss', values.loss, LOSS_NAMES) } : {}),
    ...(kind ? { optimizer: { kind, ...setConstants } } : defaults.optimizer ? { optimizer: defaults.optimizer } : {}),
    ...(values.decay !== undefined ? { decay: toNumber('--decay', values.decay) } : {}),
    ...(values['weight-decay'] !== undefined ? { weightDecay: toNumber('--weight-decay', values['weight-decay']) } : {}),
    ...(normalisation ? { normalisation: normalisation.data } : {}),
    ...(extraFeatures.length ? { extraFeatures } : {}),
  });
  if (!hyperResult.success) {
    const issue = hyperResult.error.issues[0]!;
    const field = `hyper.${issue.path.join('.')}`;
    const message = issue.path[0] === 'reduction' ? 'must be sum or mean' : issue.message;
    throw new UsageError(`${flagOfField(field) ?? field}: ${message}`);
  }
  const init = toChoice('--init', values.init, INIT_SCHEMES);
  let spec = preset ? preset.spec : values.net === undefined ? undefined : withImageInput(readSpec(values.net, shape.inputs), shape.imageShape);
  const initialWeights = values['init-from'] === undefined ? undefined : await readInitialWeights(values['init-from'], spec, shape);
  spec = initialWeights?.spec ?? spec ?? readSpec(defaultNet(shape), shape.inputs);
  if (init && initialWeights) throw new UsageError('--init: the weights come from --init-from; leave one of them out');
  if (init) spec = { ...spec, layers: spec.layers.map((layer) => (layer.type === 'linear' && !layer.init ? { ...layer, init } : layer)) };
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out: give a folder');
  if (values.out !== undefined) checkOutFolder(values.out);
  const dataName = dataSourceName(source);
  return {
    spec,
    dataSet: source,
    dataName,
    hyper: hyperResult.data,
    initialWeights,
    out: values.out,
    json: values.json ?? false,
    budget,
    ...(shape.classes ? { classes: shape.classes } : {}),
  };
}
