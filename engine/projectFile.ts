// The project file: the lab's network, every finished run and each lab's work, as JSON that opens again later (schema, reader of versions 1 to 3, writer); pure, any process.
import { z } from 'zod';
import { DataSourceSchema } from './data/dataSource.js';
import { numberText } from './export/numberText.js';
import { issueField, matchLayout, parameterLayout, type TensorIssue } from './network/parameterLayout.js';
import { describeIssue } from './protocol/index.js';
import { FinishReasonSchema, SplitRowsSchema, TrainFinishedSchema } from './protocol/training.js';
import type { SplitRows } from './data/dataSets.js';
import { DiagnosisSchema } from './training/diagnoseRun.js';
import { EpochMetricsSchema } from './training/epochMetrics.js';
import { HyperparametersSchema } from './training/hyperparameters.js';
import { ProjectLabsSchema, type ProjectLabs } from './projectLabs.js';
import { NetworkSpecSchema, type NetworkSpec } from './spec.js';
import { UserActivationSchema, type UserActivation } from './layers/customActivationDefinition.js';
import type { NamedTensor, TrainedWeights } from './trainedWeights.js';

export const PROJECT_FORMAT = 'backprop-lab-project';
/** The version this lab writes; it reads every version from 1 up to this one. */
export const PROJECT_VERSION = 3;

export type { BuilderDraftWork, FormValues, GradientsWork, LabWorkName, OptimizerWork, ProjectLabs, SavedDescentRun, TrainingWork } from './projectLabs.js';
export { readNumbers, savedNumbers } from './projectLabs.js';

const rowIndex = z.number().int().nonnegative();
const finiteNumber = z.number({ error: 'not a finite number (a project keeps only finite weights; did the run diverge?)' });

/** A named tensor as a project keeps it: its values in C order (a Linear layer's W [inputs, units] row-major, so y = x·W + b). */
const SavedTensorSchema = z
  .object({
    layer: z.number().int().nonnegative(),
    name: z.string().min(1, 'a parameter needs a name'),
    shape: z.array(z.number().int().nonnegative()),
    values: z.array(finiteNumber),
  })
  .strict();

/** Version 1 kept one record per Linear layer. */
const SavedLinearLayerSchema = z
  .object({
    index: z.number().int().nonnegative(),
    inputs: z.number().int().positive(),
    units: z.number().int().positive(),
    /** Row-major inputs×units, so that y = x·W + b. */
    W: z.array(finiteNumber),
    b: z.array(finiteNumber),
  })
  .strict();

const SavedRunSchema = z
  .object({
    label: z.string(),
    spec: NetworkSpecSchema,
    dataSet: DataSourceSchema,
    hyper: HyperparametersSchema,
    reason: FinishReasonSchema,
    message: z.string(),
    history: z.array(EpochMetricsSchema),
    settings: TrainFinishedSchema.shape.settings,
    weights: z.object({ spec: NetworkSpecSchema, parameters: z.array(SavedTensorSchema) }).strict(),
    /** The data's rows (from 0, in the source's order) on each side of the split, in training order; absent from files saved before they were recorded. */
    split: z
      .object({ train: z.array(rowIndex), test: z.array(rowIndex), files: SplitRowsSchema.shape.files })
      .strict()
      .optional(),
    /** Seconds the engine spent on the run; absent from files saved before they were recorded. */
    seconds: z.number().nonnegative().optional(),
    diagnoses: z.array(DiagnosisSchema).optional(),
  })
  .strict();

const SavedRunV1Schema = SavedRunSchema.omit({ split: true, seconds: true, diagnoses: true })
  .extend({
    weights: z.object({ spec: NetworkSpecSchema, layers: z.array(SavedLinearLayerSchema) }).strict(),
  })
  .strict();

const projectFileSchema = <Version extends number, Run extends z.ZodType>(version: Version, run: Run) =>
  z
    .object({
      format: z.literal(PROJECT_FORMAT),
      version: z.literal(version),
      savedAt: z.string().refine((text) => !Number.isNaN(Date.parse(text)), { message: 'must be a date and time (ISO 8601)' }),
      network: z.object({ name: z.string(), spec: NetworkSpecSchema }).strict(),
      runs: z.array(run),
      // The Gradients lab's part: the user's own activations, each checked as the layer it makes.
      activations: z.array(UserActivationSchema).optional(),
    })
    .strict();

/** Version 3 added each lab's work; version 2 had the network and the runs only. */
const ProjectFileSchema = projectFileSchema(PROJECT_VERSION, SavedRunSchema).extend({ labs: ProjectLabsSchema.optional() }).strict();
const ProjectFileV2Schema = projectFileSchema(2, SavedRunSchema);
const ProjectFileV1Schema = projectFileSchema(1, SavedRunV1Schema);

type SavedRun = z.infer<typeof SavedRunSchema>;
type SavedRunV1 = z.infer<typeof SavedRunV1Schema>;

/** One finished run as a project keeps it: what it was started with, what the engine reported, its trained weights and split. */
export type ProjectRun = Omit<SavedRun, 'weights' | 'split'> & { weights: TrainedWeights; split?: SplitRows | undefined };

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
  /** The user's own activations (the Gradients lab's), in the order they were added. */
  activations?: UserActivation[];
  /** Each lab's work (its forms, choices and results); absent in files before version 3, and for a lab never used. */
  labs?: ProjectLabs;
}

/** About this many characters per piece of projectFilePieces. */
const PIECE_CHARS = 1 << 16;

/** Text written so far and not yet handed on, with its length in characters. */
class PieceWriter {
  parts: string[] = [];
  chars = 0;
  push(text: string): void {
    this.parts.push(text);
    this.chars += text.length;
  }
  /** What it holds as one piece, once that is about PIECE_CHARS characters; it is then empty. */
  *flushed(): Generator<string, void, undefined> {
    if (this.chars < PIECE_CHARS) return;
    yield this.parts.join('');
    this.parts = [];
    this.chars = 0;
  }
}

/**
 * JSON text of plain data and typed arrays, every number written by numberText; undefined members are left out. Written
 * into `out` and handed on in pieces of about PIECE_CHARS characters, so a caller can stop between them.
 */
function* jsonPieces(value: unknown, out: PieceWriter): Generator<string, void, undefined> {
  if (typeof value === 'number') out.push(numberText(value));
  else if (value === null || typeof value !== 'object') out.push(JSON.stringify(value));
  else if (value instanceof Float64Array || value instanceof Int32Array) {
    out.push('[');
    for (let start = 0; start < value.length; start += 4096) {
      out.push((start > 0 ? ',' : '') + Array.from(value.subarray(start, start + 4096), numberText).join(','));
      yield* out.flushed();
    }
    out.push(']');
  } else if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      const item: unknown = value[i];
      if (typeof item === 'number') out.push(numberText(item));
      else yield* jsonPieces(item, out);
    }
    out.push(']');
  } else {
    out.push('{');
    let first = true;
    for (const [key, member] of Object.entries(value)) {
      if (member === undefined) continue;
      out.push(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      if (typeof member === 'number') out.push(numberText(member));
      else yield* jsonPieces(member, out);
    }
    out.push('}');
  }
  yield* out.flushed();
}

/**
 * The project file's text in pieces of about 64 K characters, in order (joined, they are projectFileText): a page that
 * keeps its work in the background writes a large project between its other tasks instead of in one long one.
 */
export function* projectFilePieces(project: Project): Generator<string, void, undefined> {
  const out = new PieceWriter();
  yield* jsonPieces(project, out);
  out.push('\n');
  yield out.parts.join('');
}

/**
 * The project file's text. Every weight reads back bit for bit (−0 included); a non-finite weight would be written as
 * null, which parseProjectFile refuses, so callers leave out runs without hasFiniteWeights.
 */
export function projectFileText(project: Project): string {
  return [...projectFilePieces(project)].join('');
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return keysA.length === keysB.length && keysA.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** A saved run's tensors checked against its network's parameters; `fieldOf` names the place of an issue. */
function checkRunTensors(spec: NetworkSpec, tensors: NamedTensor[], fieldOf: (issue: TensorIssue) => string): TrainedWeights {
  const matched = matchLayout(spec, parameterLayout(spec), tensors);
  if ('issue' in matched) throw new Error(`${fieldOf(matched.issue)}: ${matched.issue.message}`);
  return { spec, parameters: matched.tensors };
}

/** A saved run's weights as typed arrays, checked against its network; throws a one-line message naming the place. */
function readRunWeights(run: Pick<SavedRun, 'spec' | 'weights'>, where: string): TrainedWeights {
  const { spec, parameters } = run.weights;
  if (!sameJson(spec, run.spec)) throw new Error(`${where}.weights.spec: differs from the run's network (${where}.spec)`);
  const tensors = parameters.map((tensor) => ({ ...tensor, values: Float64Array.from(tensor.values) }));
  return checkRunTensors(spec, tensors, (issue) => issueField(issue, `${where}.weights.parameters`));
}

/** A version 1 run's Linear records as named tensors W [inputs, units] and b [units], each record checked against itself, then against the network. */
function readRunWeightsV1(run: SavedRunV1, where: string): TrainedWeights {
  const { spec, layers } = run.weights;
  if (!sameJson(spec, run.spec)) throw new Error(`${where}.weights.spec: differs from the run's network (${where}.spec)`);
  const tensors = layers.flatMap((layer, i): NamedTensor[] => {
    const at = `${where}.weights.layers.${i}`;
    if (layer.W.length !== layer.inputs * layer.units) throw new Error(`${at}: W must hold ${layer.inputs}×${layer.units} numbers, not ${layer.W.length}`);
    if (layer.b.length !== layer.units) throw new Error(`${at}: b must hold ${layer.units} numbers, not ${layer.b.length}`);
    return [
      { layer: layer.index, name: 'W', shape: [layer.inputs, layer.units], values: Float64Array.from(layer.W) },
      { layer: layer.index, name: 'b', shape: [layer.units], values: Float64Array.from(layer.b) },
    ];
  });
  // Each record became two tensors, W then b: an issue with tensor t is about record ⌊t / 2⌋.
  return checkRunTensors(spec, tensors, (issue) => `${where}.weights.layers${issue.tensor === undefined ? '' : `.${Math.floor(issue.tensor / 2)}`}`);
}

/** Reads a project file's text (any version from 1 to PROJECT_VERSION); throws an Error whose message says in one line what is wrong and where. */
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
  const reads = `it reads versions 1 to ${PROJECT_VERSION}`;
  if (typeof version === 'number' && Number.isInteger(version) && version > PROJECT_VERSION) {
    throw new Error(`version ${version} is newer than this lab reads (${reads}); open it in a newer Backprop Lab`);
  }
  if (version === 1) {
    const parsed = ProjectFileV1Schema.safeParse(json);
    if (!parsed.success) throw new Error(describeIssue(parsed.error).message);
    const project = parsed.data;
    return { ...project, version: PROJECT_VERSION, runs: project.runs.map((run, i) => ({ ...run, weights: readRunWeightsV1(run, `runs.${i}`) })) };
  }
  if (version === 2) {
    const parsed = ProjectFileV2Schema.safeParse(json);
    if (!parsed.success) throw new Error(describeIssue(parsed.error).message);
    const project = parsed.data;
    return { ...project, version: PROJECT_VERSION, runs: project.runs.map(readRun) };
  }
  if (version !== PROJECT_VERSION) throw new Error(`version ${JSON.stringify(version ?? null)} is not a project version this lab reads (${reads})`);
  const parsed = ProjectFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(describeIssue(parsed.error).message);
  const project = parsed.data;
  return { ...project, runs: project.runs.map(readRun) };
}

/** A saved run (version 2 on) with its weights and split as typed arrays, checked against its network. */
function readRun(run: SavedRun, i: number): ProjectRun {
  return {
    ...run,
    weights: readRunWeights(run, `runs.${i}`),
    split: run.split
      ? { train: Int32Array.from(run.split.train), test: Int32Array.from(run.split.test), ...(run.split.files ? { files: run.split.files } : {}) }
      : undefined,
  };
}
