// Parses and checks the options of `backprop-lab train` into an engine request (Node, the CLI process).
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DATA_SET_INFO } from '../engine/data/dataSets.js';
import { validateSpecForData } from '../engine/network/validateSpec.js';
import {
  DATA_SET_NAMES, DataSetNameSchema, describeIssue, EXERCISE_HYPERPARAMETERS, HyperparametersSchema,
  type DataSetName, type Hyperparameters,
} from '../engine/protocol.js';
import { NetworkSpecSchema, type NetworkSpec } from '../engine/spec.js';
import { parseSpecText } from '../engine/specText.js';

/** A problem with the command line, reported in one line with exit status 2. */
export class UsageError extends Error {}

export interface TrainSettings {
  help: boolean;
  spec: NetworkSpec;
  dataSet: DataSetName;
  hyper: Hyperparameters;
  out: string | undefined;
  json: boolean;
}

/** Which option each engine field comes from, to name it in messages. */
export const FLAG_OF_FIELD: Record<string, string> = {
  'hyper.epochs': '--epochs', 'hyper.learningRate': '--lr', 'hyper.batchSize': '--batch', 'hyper.seed': '--seed',
  'hyper.reduction': '--reduction', 'hyper.trainFraction': '--split', dataSet: '--data',
};

/** The option a field path belongs to: "spec…" is --net. */
export function flagOfField(field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  return field.startsWith('spec') ? '--net' : FLAG_OF_FIELD[field];
}

function defaultNet(dataSet: DataSetName): string {
  return `linear:32,relu,linear:${DATA_SET_INFO[dataSet].outputs},sigmoid`;
}

function readSpec(net: string, dataSet: DataSetName): NetworkSpec {
  const inputs = DATA_SET_INFO[dataSet].inputs;
  const looksLikeFile = net.endsWith('.json') || existsSync(net);
  if (!looksLikeFile) {
    try {
      return parseSpecText(net, inputs);
    } catch (error) {
      throw new UsageError(`--net: ${(error as Error).message}`);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(net, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UsageError(`--net ${net}: ${reason}`);
  }
  // A spec file may leave out the input width: it is the data's.
  if (typeof json === 'object' && json !== null && !('input' in json)) json = { ...json, input: inputs };
  const parsed = NetworkSpecSchema.safeParse(json);
  if (!parsed.success) throw new UsageError(`--net ${net}: not a NetworkSpec: ${describeIssue(parsed.error).message}`);
  return parsed.data;
}

function toNumber(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || Number.isNaN(value)) throw new UsageError(`${flag}: ${JSON.stringify(text)} is not a number`);
  return value;
}

const VALUE_OPTIONS = new Set(['--net', '--data', '--epochs', '--lr', '--batch', '--seed', '--reduction', '--split', '--out']);

/** Joins "--lr -1" into "--lr=-1", so a negative number reaches the range check instead of looking like an option. */
function joinNegativeValues(argv: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (VALUE_OPTIONS.has(argv[i]!) && next !== undefined && /^-\d|^-\.\d|^-Infinity$/.test(next)) {
      joined.push(`${argv[i]}=${next}`);
      i++;
    } else {
      joined.push(argv[i]!);
    }
  }
  return joined;
}

/** Parses `train`'s arguments; every problem is a UsageError naming the option. */
export function parseTrainArgs(argv: string[]): TrainSettings {
  let values;
  try {
    ({ values } = parseArgs({
      args: joinNegativeValues(argv),
      strict: true,
      allowPositionals: false,
      options: {
        net: { type: 'string' }, data: { type: 'string' }, epochs: { type: 'string' }, lr: { type: 'string' },
        batch: { type: 'string' }, seed: { type: 'string' }, reduction: { type: 'string' }, split: { type: 'string' },
        out: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
  const dataSetResult = DataSetNameSchema.safeParse(values.data ?? 'digits-binary');
  if (!dataSetResult.success) throw new UsageError(`--data: unknown data set ${JSON.stringify(values.data)}; known: ${DATA_SET_NAMES.join(', ')}`);
  const dataSet = dataSetResult.data;
  const defaults = EXERCISE_HYPERPARAMETERS;
  const hyperResult = HyperparametersSchema.safeParse({
    epochs: toNumber('--epochs', values.epochs, defaults.epochs),
    learningRate: toNumber('--lr', values.lr, defaults.learningRate),
    batchSize: toNumber('--batch', values.batch, defaults.batchSize),
    reduction: values.reduction ?? defaults.reduction,
    trainFraction: toNumber('--split', values.split, defaults.trainFraction),
    seed: toNumber('--seed', values.seed, defaults.seed),
  });
  if (!hyperResult.success) {
    const issue = hyperResult.error.issues[0]!;
    const field = `hyper.${issue.path.join('.')}`;
    const message = issue.path[0] === 'reduction' ? 'must be sum or mean' : issue.message;
    throw new UsageError(`${flagOfField(field) ?? field}: ${message}`);
  }
  const spec = readSpec(values.net ?? defaultNet(dataSet), dataSet);
  const info = DATA_SET_INFO[dataSet];
  const specIssue = validateSpecForData(spec, { name: dataSet, inputs: info.inputs, outputs: info.outputs })[0];
  if (specIssue) throw new UsageError(`--net: ${specIssue.message}`);
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out: give a folder');
  return { help: values.help ?? false, spec, dataSet, hyper: hyperResult.data, out: values.out, json: values.json ?? false };
}
