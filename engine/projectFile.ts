// The project file: the lab's network and every finished run, as JSON that opens again later (schema, reader, writer); pure, any process.
import { z } from 'zod';
import { DataSourceSchema } from './data/dataSource.js';
import { describeIssue } from './protocol/index.js';
import { FinishReasonSchema, TrainFinishedSchema } from './protocol/training.js';
import { EpochMetricsSchema } from './training/epochMetrics.js';
import { HyperparametersSchema } from './training/hyperparameters.js';
import { NetworkSpecSchema, type NetworkSpec, type TrainedWeights } from './spec.js';

export const PROJECT_FORMAT = 'backprop-lab-project';
export const PROJECT_VERSION = 1;

const finiteNumber = z.number({ error: 'not a finite number (a project keeps only finite weights; did the run diverge?)' });

const SavedLayerSchema = z.object({
  index: z.number().int().nonnegative(),
  inputs: z.number().int().positive(),
  units: z.number().int().positive(),
  /** Row-major inputs×units, so that y = x·W + b. */
  W: z.array(finiteNumber),
  b: z.array(finiteNumber),
}).strict();

const SavedRunSchema = z.object({
  label: z.string(),
  spec: NetworkSpecSchema,
  dataSet: DataSourceSchema,
  hyper: HyperparametersSchema,
  reason: FinishReasonSchema,
  message: z.string(),
  history: z.array(EpochMetricsSchema),
  settings: TrainFinishedSchema.shape.settings,
  weights: z.object({ spec: NetworkSpecSchema, layers: z.array(SavedLayerSchema) }).strict(),
}).strict();

const ProjectFileSchema = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: z.literal(PROJECT_VERSION),
  savedAt: z.string().refine((text) => !Number.isNaN(Date.parse(text)), { message: 'must be a date and time (ISO 8601)' }),
  network: z.object({ name: z.string(), spec: NetworkSpecSchema }).strict(),
  runs: z.array(SavedRunSchema),
}).strict();

type SavedRun = z.infer<typeof SavedRunSchema>;

/** One finished run as a project keeps it: what it was started with, what the engine reported, its trained weights. */
export type ProjectRun = Omit<SavedRun, 'weights'> & { weights: TrainedWeights };

/** The whole lab state a project file holds. */
export interface Project {
  format: typeof PROJECT_FORMAT;
  version: typeof PROJECT_VERSION;
  /** When it was saved, ISO 8601. */
  savedAt: string;
  /** The network being built (the builder's draft). */
  network: { name: string; spec: NetworkSpec };
  /** Finished runs, oldest first. */
  runs: ProjectRun[];
}

/** A number as JSON text that parses back to the same double; −0 stays −0 (as weightsJsonText writes it); NaN and ±∞ become null. */
function numberText(value: number): string {
  return Object.is(value, -0) ? '-0' : JSON.stringify(value);
}

/** JSON text of plain data and typed arrays, every number written by numberText; undefined members are left out. */
function jsonText(value: unknown): string {
  if (typeof value === 'number') return numberText(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Float64Array) return `[${Array.from(value, numberText).join(',')}]`;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  const members = Object.entries(value).filter(([, member]) => member !== undefined);
  return `{${members.map(([key, member]) => `${JSON.stringify(key)}:${jsonText(member)}`).join(',')}}`;
}

/** Whether every trained parameter of `weights` is a finite number (a project can only hold such weights). */
export function hasFiniteWeights(weights: TrainedWeights): boolean {
  return weights.layers.every((layer) => layer.W.every(Number.isFinite) && layer.b.every(Number.isFinite));
}

/**
 * The project file's text. Every weight reads back bit for bit (−0 included); a non-finite weight would be written as
 * null, which parseProjectFile refuses, so callers leave out runs without hasFiniteWeights.
 */
export function projectFileText(project: Project): string {
  return `${jsonText(project)}\n`;
}

/** The widths each Linear layer of `spec` needs, by layer index. */
function linearShapes(spec: NetworkSpec): Array<{ index: number; inputs: number; units: number }> {
  let width = spec.input;
  const shapes: Array<{ index: number; inputs: number; units: number }> = [];
  spec.layers.forEach((layer, index) => {
    if (layer.type === 'linear') { shapes.push({ index, inputs: width, units: layer.units }); width = layer.units; }
  });
  return shapes;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return keysA.length === keysB.length && keysA.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** A saved run's weights as typed arrays, checked against its network; throws a one-line message naming the place. */
function readRunWeights(run: SavedRun, where: string): TrainedWeights {
  const { spec, layers } = run.weights;
  if (!sameJson(spec, run.spec)) throw new Error(`${where}.weights.spec: differs from the run's network (${where}.spec)`);
  const shapes = linearShapes(spec);
  if (layers.length !== shapes.length) {
    throw new Error(`${where}.weights.layers: the network has ${shapes.length} linear layer${shapes.length === 1 ? '' : 's'} but ${layers.length} ${layers.length === 1 ? 'is' : 'are'} saved`);
  }
  return {
    spec,
    layers: layers.map((layer, i) => {
      const need = shapes[i]!;
      const at = `${where}.weights.layers.${i}`;
      if (layer.index !== need.index) throw new Error(`${at}: index must be ${need.index} (layer ${need.index + 1} is the network's next linear layer)`);
      if (layer.inputs !== need.inputs || layer.units !== need.units) {
        throw new Error(`${at}: the network needs ${need.inputs}×${need.units} weights here, not ${layer.inputs}×${layer.units}`);
      }
      if (layer.W.length !== layer.inputs * layer.units) throw new Error(`${at}: W must hold ${layer.inputs}×${layer.units} numbers, not ${layer.W.length}`);
      if (layer.b.length !== layer.units) throw new Error(`${at}: b must hold ${layer.units} numbers, not ${layer.b.length}`);
      return { index: layer.index, inputs: layer.inputs, units: layer.units, W: Float64Array.from(layer.W), b: Float64Array.from(layer.b) };
    }),
  };
}

/** Reads a project file's text; throws an Error whose message says in one line what is wrong and where. */
export function parseProjectFile(text: string): Project {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('not a Backprop Lab project (the file is not JSON)');
  }
  const record = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  if (record?.format !== PROJECT_FORMAT) throw new Error(`not a Backprop Lab project (its "format" is not ${PROJECT_FORMAT})`);
  const version = record.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > PROJECT_VERSION) {
    throw new Error(`version ${version} is newer than this lab reads (it reads version ${PROJECT_VERSION}); open it in a newer Backprop Lab`);
  }
  if (version !== PROJECT_VERSION) throw new Error(`version ${JSON.stringify(version ?? null)} is not a project version this lab reads (it reads version ${PROJECT_VERSION})`);
  const parsed = ProjectFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(describeIssue(parsed.error).message);
  const project = parsed.data;
  return { ...project, runs: project.runs.map((run, i) => ({ ...run, weights: readRunWeights(run, `runs.${i}`) })) };
}
