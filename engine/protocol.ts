// The one typed protocol between the renderer, the hosts (Electron main, browser host) and the engine process.
// Every side that receives a message validates it with these schemas before trusting it.
import { z } from 'zod';
import { LayerSpecSchema, NetworkSpecSchema } from './spec.js';
import { TrainedWeightsSchema } from './trainedWeights.js';

// ---- data ------------------------------------------------------------------------------------------

/** The data sets shipped with the lab. */
export const DATA_SET_NAMES = ['digits-binary', 'digits', 'iris', 'wine', 'breast-cancer'] as const;
export const DataSetNameSchema = z.enum(DATA_SET_NAMES, { error: (issue) => `unknown data set ${JSON.stringify(issue.input)}; known: ${DATA_SET_NAMES.join(', ')}` });
export type DataSetName = z.infer<typeof DataSetNameSchema>;

export const TOY_DATA_NAMES = ['circles', 'xor', 'spiral', 'gaussians', 'moons'] as const;
export type ToyDataName = (typeof TOY_DATA_NAMES)[number];

/** A generated 2D two-class data set; the run's seed drives the points. */
export const ToyDataSourceSchema = z.object({
  kind: z.literal('toy'),
  name: z.enum(TOY_DATA_NAMES, { error: (issue) => `unknown toy data set ${JSON.stringify(issue.input)}; known: ${TOY_DATA_NAMES.join(', ')}` }),
  size: z.number().int('size must be a whole number').min(4, 'a toy data set needs at least 4 points').max(20000, 'a toy data set has at most 20000 points'),
  noise: z.number().min(0, 'noise must be 0 or more').max(5, 'noise must be at most 5'),
}).strict();

/** A CSV file the user picked: a header row, numeric feature columns and a label column (named, or the last). */
export const CsvDataSourceSchema = z.object({
  kind: z.literal('csv'),
  fileName: z.string().min(1),
  text: z.string().max(64 * 1024 * 1024, 'the CSV file is larger than 64 MB'),
  labelColumn: z.string().min(1).optional(),
}).strict();

/** Where a run's samples come from: a shipped data set by name, a toy generator, or a CSV file. */
export const DataSourceSchema = z.union([DataSetNameSchema, ToyDataSourceSchema, CsvDataSourceSchema], {
  error: (issue) => typeof issue.input === 'string'
    ? `unknown data set ${JSON.stringify(issue.input)}; known: ${DATA_SET_NAMES.join(', ')}`
    : `a data set is one of ${DATA_SET_NAMES.join(', ')}, a toy data set or a CSV file`,
});
export type DataSource = z.infer<typeof DataSourceSchema>;
export type ToyDataSource = z.infer<typeof ToyDataSourceSchema>;
export type CsvDataSource = z.infer<typeof CsvDataSourceSchema>;

/** none; global: minus the mean and over the std of all values (the exercise); standardize: per feature, from the training rows. */
export const NormalisationSchema = z.enum(['none', 'global', 'standardize']);
export type Normalisation = z.infer<typeof NormalisationSchema>;

// ---- hyperparameters ---------------------------------------------------------------------------

/** How per-sample gradients are combined over a minibatch: the exercise sums them, PyTorch's default is the mean. */
export const ReductionSchema = z.enum(['sum', 'mean']);
export type Reduction = z.infer<typeof ReductionSchema>;

/** bce: binary cross-entropy on sigmoid outputs; cce: categorical cross-entropy fused with a final softmax; mse: mean squared error. */
export const LOSS_NAMES = ['bce', 'cce', 'mse'] as const;
export const LossNameSchema = z.enum(LOSS_NAMES);
export type LossName = z.infer<typeof LossNameSchema>;

/** Optimizers in order of increasing complexity; unset constants take the usual defaults. */
export const OPTIMIZER_KINDS = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam'] as const;
export const OptimizerSchema = z.object({
  kind: z.enum(OPTIMIZER_KINDS, { error: (issue) => `unknown optimizer ${JSON.stringify(issue.input)}; known: ${OPTIMIZER_KINDS.join(', ')}` }),
  /** momentum and nesterov: the velocity's decay (default 0.9). */
  momentum: z.number().min(0).lt(1, 'momentum must be below 1').optional(),
  /** rmsprop: decay of the squared-gradient average (default 0.9). */
  rho: z.number().min(0).lt(1, 'rho must be below 1').optional(),
  /** adam: decay of the first and second moments (defaults 0.9 and 0.999). */
  beta1: z.number().min(0).lt(1, 'beta1 must be below 1').optional(),
  beta2: z.number().min(0).lt(1, 'beta2 must be below 1').optional(),
  /** rmsprop and adam: added to the denominator (default 1e-8). */
  epsilon: z.number().positive().optional(),
}).strict();
export type OptimizerConfig = z.infer<typeof OptimizerSchema>;
export type OptimizerKind = OptimizerConfig['kind'];

const positiveNumber = (what: string) =>
  z.number({ error: `${what} must be a number` }).refine((v) => Number.isFinite(v) && v > 0, { message: `${what} must be a positive number` });
const positiveInteger = (what: string) =>
  z.number({ error: `${what} must be a number` }).refine((v) => Number.isInteger(v) && v > 0, { message: `${what} must be a positive whole number` });
/** The exercise's step-size decay: the step is multiplied by it before each update; 1 keeps it constant. */
const decaySchema = z.number({ error: 'decay must be a number' }).refine((v) => v > 0 && v <= 1, { message: 'decay must be above 0 and at most 1' });

export const HyperparametersSchema = z.object({
  epochs: z.number({ error: 'epochs must be a number' }).refine((v) => Number.isInteger(v) && v >= 0, { message: 'epochs must be a whole number, 0 or more' }),
  learningRate: positiveNumber('learning rate'),
  batchSize: positiveInteger('minibatch size'),
  reduction: ReductionSchema,
  /** Fraction of the samples used for training; the rest is the test set. */
  trainFraction: z.number().refine((v) => v > 0 && v < 1, { message: 'train fraction must be between 0 and 1' }),
  seed: z.number().int('seed must be a whole number').nonnegative('seed must be 0 or more').max(2 ** 32 - 1, 'seed must be below 2^32'),
  /** Default: cce after a softmax, bce after a sigmoid, else mse. */
  loss: LossNameSchema.optional(),
  /** Default: plain SGD. */
  optimizer: OptimizerSchema.optional(),
  /** Default 1 (no decay). */
  decay: decaySchema.optional(),
  /** L2 penalty λ on the weights (not the biases): adds λ·W to their gradient. Default 0. */
  weightDecay: z.number().min(0, 'weight decay must be 0 or more').optional(),
  /** Default: global for the digits (as the exercise), standardize for every other data set. */
  normalisation: NormalisationSchema.optional(),
}).strict();
export type Hyperparameters = z.infer<typeof HyperparametersSchema>;

/** The exercise's settings: 25 epochs, step 0.01, minibatches of 10, summed gradients, a 50/50 split. */
export const EXERCISE_HYPERPARAMETERS: Hyperparameters = {
  epochs: 25, learningRate: 0.01, batchSize: 10, reduction: 'sum', trainFraction: 0.5, seed: 1,
};

/** One epoch's metrics, defined as the exercise defines them (means over the full minibatches of each phase). */
export const EpochMetricsSchema = z.object({
  epoch: z.number().int().positive(),
  trainLoss: z.number(),
  trainAccuracy: z.number(),
  testLoss: z.number(),
  testAccuracy: z.number(),
}).strict();
export type EpochMetrics = z.infer<typeof EpochMetricsSchema>;

// ---- requests: renderer → engine --------------------------------------------------------------

const runId = z.string().min(1);
const requestId = z.string().min(1);
/** A Float64Array (typed arrays travel as they are, never as JSON number lists). */
const f64 = z.custom<Float64Array>((value) => value instanceof Float64Array, { message: 'expected a Float64Array' });

export const TrainStartSchema = z.object({
  type: z.literal('train.start'),
  /** The run's id, chosen by the sender; every event of the run carries it. */
  runId,
  spec: NetworkSpecSchema,
  dataSet: DataSourceSchema,
  hyper: HyperparametersSchema,
  /** Start from these weights instead of a fresh initialisation (their spec must equal `spec`). */
  initialWeights: TrainedWeightsSchema.optional(),
  /** Keep the flattened parameters after every epoch (for the loss landscape); refused for very large runs. */
  recordPath: z.boolean().optional(),
}).strict();

export const TrainStopSchema = z.object({ type: z.literal('train.stop'), runId }).strict();
export const TrainPauseSchema = z.object({ type: z.literal('train.pause'), runId }).strict();
export const TrainResumeSchema = z.object({ type: z.literal('train.resume'), runId }).strict();

/** Asks what the engine offers: functions, surfaces, data sets, layer types, optimizers. */
export const DescribeSchema = z.object({ type: z.literal('engine.describe'), requestId }).strict();

/** Samples an activation or loss with its symbolic and central-difference derivatives, and the difference's error against epsilon at `at`. */
export const FunctionsSampleSchema = z.object({
  type: z.literal('functions.sample'), requestId,
  functionId: z.string().min(1),
  count: z.number().int().min(2).max(5000),
  epsilon: z.number().positive('epsilon must be a positive number'),
  at: z.number(),
  lo: z.number().optional(),
  hi: z.number().optional(),
}).strict();

export const BoundsSchema = z.object({ xMin: z.number(), xMax: z.number(), yMin: z.number(), yMax: z.number() }).strict()
  .refine((b) => b.xMax > b.xMin && b.yMax > b.yMin, { message: 'bounds need xMax > xMin and yMax > yMin' });

/** Evaluates a surface (a built-in id or a typed expression in x and y) on an nx × ny grid. */
export const SurfaceEvaluateSchema = z.object({
  type: z.literal('surface.evaluate'), requestId,
  surface: z.string().min(1, 'type a function of x and y'),
  bounds: BoundsSchema.optional(),
  nx: z.number().int().min(2).max(1000),
  ny: z.number().int().min(2).max(1000),
}).strict();

/** Runs an optimizer on a surface from a start point. */
export const SurfaceDescendSchema = z.object({
  type: z.literal('surface.descend'), requestId,
  surface: z.string().min(1, 'type a function of x and y'),
  start: z.object({ x: z.number(), y: z.number() }).strict(),
  learningRate: positiveNumber('step size'),
  steps: z.number().int().min(0).max(100000, 'at most 100000 steps'),
  decay: decaySchema.optional(),
  optimizer: OptimizerSchema.optional(),
}).strict();

/** The exercise's wrong backward passes, kept so the lab can show a gradient check catching them. */
export const BROKEN_VARIANTS = ['exercise-db', 'exercise-sigmoid-grad'] as const;
export const GradcheckVariantSchema = z.enum(['correct', ...BROKEN_VARIANTS]);
export type GradcheckVariant = z.infer<typeof GradcheckVariantSchema>;

/** What to check: one layer on a random batch, one loss, or a whole network with its loss. */
export const GradcheckSubjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('layer'), layer: LayerSpecSchema, inputs: z.number().int().positive().max(4096), rows: z.number().int().positive().max(256) }).strict(),
  z.object({ kind: z.literal('loss'), loss: LossNameSchema, width: z.number().int().positive().max(4096), rows: z.number().int().positive().max(256) }).strict(),
  z.object({ kind: z.literal('network'), spec: NetworkSpecSchema, loss: LossNameSchema.optional(), rows: z.number().int().positive().max(256) }).strict(),
]);
export type GradcheckSubject = z.infer<typeof GradcheckSubjectSchema>;

export const GradcheckRunSchema = z.object({
  type: z.literal('gradcheck.run'), requestId,
  subject: GradcheckSubjectSchema,
  variant: GradcheckVariantSchema.optional(),
  seed: z.number().int().nonnegative().max(2 ** 32 - 1),
  epsilon: z.number().positive().optional(),
}).strict();

/** The data a trained network is analysed on: the same source, split and normalisation as its run. */
const AnalysedDataSchema = z.object({
  dataSet: DataSourceSchema,
  trainFraction: HyperparametersSchema.shape.trainFraction,
  seed: HyperparametersSchema.shape.seed,
  normalisation: NormalisationSchema.optional(),
}).strict();

/** Confusion matrix, predictions, one sample's activations and saliency, first-layer images, linear collapse. */
export const AnalysisRunSchema = z.object({
  type: z.literal('analysis.run'), requestId,
  weights: TrainedWeightsSchema,
  data: AnalysedDataSchema,
  /** Which test sample to trace through the network (index into the test set). */
  sampleIndex: z.number().int().nonnegative().optional(),
}).strict();

/** The loss over a 2D slice through the weights along two filter-normalised random directions (Li et al., 2018). */
export const LandscapeRunSchema = z.object({
  type: z.literal('landscape.run'), requestId,
  weights: TrainedWeightsSchema,
  data: AnalysedDataSchema,
  loss: LossNameSchema.optional(),
  /** Flattened parameters per epoch (from a run with recordPath) to project onto the slice. */
  path: z.array(f64).optional(),
  resolution: z.number().int().min(3).max(101),
  /** The slice spans −span..span along each direction. */
  span: z.number().positive().max(100),
  directionSeed: z.number().int().nonnegative().max(2 ** 32 - 1),
}).strict();

/** Checks a network as a builder edits it: each layer's shape and parameter count, and every problem (with the data set's, if given). */
export const SpecCheckSchema = z.object({
  type: z.literal('spec.check'), requestId,
  spec: NetworkSpecSchema,
  dataSet: DataSourceSchema.optional(),
  loss: LossNameSchema.optional(),
}).strict();

/** The files the engine writes for a trained network or a run (plots are drawn by the renderer from plots/). */
export const EXPORT_FORMATS = ['weights.json', 'weights.npz', 'model.onnx', 'metrics.csv'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** Builds one export file's bytes: weights need `weights`, metrics.csv needs `history`. */
export const ExportBuildSchema = z.object({
  type: z.literal('export.build'), requestId,
  format: ExportFormatSchema,
  weights: TrainedWeightsSchema.optional(),
  history: z.array(EpochMetricsSchema).optional(),
}).strict();

export const RequestSchema = z.discriminatedUnion('type', [
  TrainStartSchema, TrainStopSchema, TrainPauseSchema, TrainResumeSchema, DescribeSchema, FunctionsSampleSchema,
  SurfaceEvaluateSchema, SurfaceDescendSchema, GradcheckRunSchema, AnalysisRunSchema, LandscapeRunSchema, SpecCheckSchema, ExportBuildSchema,
]);
export type TrainStart = z.infer<typeof TrainStartSchema>;
export type TrainStop = z.infer<typeof TrainStopSchema>;
export type TrainPause = z.infer<typeof TrainPauseSchema>;
export type TrainResume = z.infer<typeof TrainResumeSchema>;
export type FunctionsSample = z.infer<typeof FunctionsSampleSchema>;
export type SurfaceEvaluate = z.infer<typeof SurfaceEvaluateSchema>;
export type SurfaceDescend = z.infer<typeof SurfaceDescendSchema>;
export type GradcheckRun = z.infer<typeof GradcheckRunSchema>;
export type AnalysisRun = z.infer<typeof AnalysisRunSchema>;
export type LandscapeRun = z.infer<typeof LandscapeRunSchema>;
export type SpecCheck = z.infer<typeof SpecCheckSchema>;
export type ExportBuild = z.infer<typeof ExportBuildSchema>;
export type EngineRequest = z.infer<typeof RequestSchema>;

// ---- events: engine → renderer ----------------------------------------------------------------


export const TrainStartedSchema = z.object({
  type: z.literal('train.started'),
  runId: z.string(),
  trainSize: z.number().int(),
  testSize: z.number().int(),
  parameterCount: z.number().int(),
}).strict();

export const TrainEpochSchema = z.object({ type: z.literal('train.epoch'), runId: z.string(), metrics: EpochMetricsSchema }).strict();

/** Training losses of consecutive minibatches, sent a few times a second: batch `firstBatch` (counted from 1 over the run) onwards. */
export const TrainBatchesSchema = z.object({ type: z.literal('train.batches'), runId: z.string(), firstBatch: z.number().int().positive(), losses: f64 }).strict();

/** The run is paused (waiting for resume) or running again. */
export const TrainStateSchema = z.object({ type: z.literal('train.state'), runId: z.string(), state: z.enum(['paused', 'running']) }).strict();

/** completed: all epochs ran; stopped: the user stopped it; diverged: the loss became NaN or infinite. */
export const FinishReasonSchema = z.enum(['completed', 'stopped', 'diverged']);
export type FinishReason = z.infer<typeof FinishReasonSchema>;

export const TrainFinishedSchema = z.object({
  type: z.literal('train.finished'),
  runId: z.string(),
  reason: FinishReasonSchema,
  /** A sentence for the user, e.g. why a run diverged. */
  message: z.string(),
  history: z.array(EpochMetricsSchema),
  weights: TrainedWeightsSchema,
  /** The seed, loss and optimizer the run really used (defaults filled in), for its record. */
  settings: z.object({ seed: z.number(), loss: LossNameSchema, optimizer: OptimizerSchema, normalisation: NormalisationSchema }).strict(),
  /** With recordPath: the flattened parameters before training and after each epoch. */
  parameterPath: z.array(f64).optional(),
}).strict();

const SurfaceInfoSchema = z.object({
  id: z.string(), name: z.string(), formula: z.string(), bounds: BoundsSchema,
  start: z.object({ x: z.number(), y: z.number() }), minima: z.array(z.object({ x: z.number(), y: z.number() })),
}).strict();
const FunctionInfoSchema = z.object({ id: z.string(), name: z.string(), formula: z.string(), kind: z.enum(['activation', 'loss']), domain: z.tuple([z.number(), z.number()]), kinks: z.array(z.number()) }).strict();
const DataSetInfoSchema = z.object({ name: z.string(), description: z.string(), inputs: z.number(), classes: z.array(z.string()), size: z.number() }).strict();

export const CatalogSchema = z.object({
  type: z.literal('engine.catalog'), requestId: z.string(),
  functions: z.array(FunctionInfoSchema),
  surfaces: z.array(SurfaceInfoSchema),
  dataSets: z.array(DataSetInfoSchema),
  toyDataSets: z.array(z.string()),
  optimizers: z.array(z.string()),
  layerTypes: z.array(z.string()),
}).strict();

export const FunctionSamplesSchema = z.object({
  type: z.literal('functions.samples'), requestId: z.string(), functionId: z.string(),
  x: f64, value: f64, symbolic: f64, numerical: f64,
  /** |central difference − symbolic| at `at` for each epsilon. */
  errorCurve: z.object({ epsilon: f64, error: f64 }).strict(),
}).strict();

/** values[j * nx + i] = f(x_i, y_j), x and y ascending; non-finite values are NaN. */
export const SurfaceGridSchema = z.object({
  type: z.literal('surface.grid'), requestId: z.string(), surface: z.string(), name: z.string(),
  bounds: BoundsSchema, nx: z.number().int(), ny: z.number().int(), values: f64, min: z.number(), max: z.number(),
}).strict();

/** The optimizer's points, start included: steps + 1 entries unless it stopped early on a non-finite value. */
export const SurfacePathSchema = z.object({
  type: z.literal('surface.path'), requestId: z.string(),
  x: f64, y: f64, f: f64,
  /** A sentence when the path left the finite numbers (a step size too large). */
  diverged: z.string().optional(),
}).strict();

/** One checked gradient: the L2 error as scipy's check_grad reports it, the relative error, and the worst entry. */
export const GradientCheckSchema = z.object({
  name: z.string(), size: z.number().int(), error: z.number(), relativeError: z.number(), ok: z.boolean(),
  worst: z.object({ index: z.number().int(), analytic: z.number(), numerical: z.number() }).strict(),
}).strict();
export type GradientCheck = z.infer<typeof GradientCheckSchema>;

export const GradcheckReportSchema = z.object({
  type: z.literal('gradcheck.report'), requestId: z.string(), variant: GradcheckVariantSchema,
  /** A check passes when its relative error is below this. */
  threshold: z.number(),
  checks: z.array(GradientCheckSchema),
}).strict();

export const AnalysisReportSchema = z.object({
  type: z.literal('analysis.report'), requestId: z.string(),
  classes: z.array(z.string()),
  /** confusion[t][p]: test samples of true class t predicted as p. */
  confusion: z.array(z.array(z.number().int())),
  /** Per test sample: true class, predicted class, the predicted class's probability. */
  predictions: z.object({ truth: z.custom<Int32Array>((v) => v instanceof Int32Array), predicted: z.custom<Int32Array>((v) => v instanceof Int32Array), confidence: f64 }).strict(),
  /** The traced sample: its features, every layer's output, and |dLoss/dInput|. */
  sample: z.object({ index: z.number().int(), features: f64, truth: z.number().int(), layers: z.array(z.object({ index: z.number().int(), type: z.string(), values: f64 }).strict()), saliency: f64 }).strict(),
  /** The first Linear layer's weights, one image per unit, when the input is a square image (64 = 8×8). */
  firstLayerImages: z.object({ width: z.number().int(), height: z.number().int(), images: z.array(f64) }).strict().optional(),
  /** Runs of consecutive Linear layers with no nonlinearity between them, and the single Linear layer each run equals. */
  linearCollapse: z.array(z.object({ from: z.number().int(), to: z.number().int(), inputs: z.number().int(), units: z.number().int(), W: f64, b: f64 }).strict()),
}).strict();

export const LandscapeGridSchema = z.object({
  type: z.literal('landscape.grid'), requestId: z.string(),
  /** Coordinates along the two directions; values[j * n + i] is the loss at (alpha_i, beta_j). */
  alpha: f64, beta: f64, values: f64,
  path: z.object({ alpha: f64, beta: f64 }).strict().optional(),
}).strict();

/** A network's layers as they fit together: widths, parameter counts, and every problem with the field it belongs to. */
export const SpecReportSchema = z.object({
  type: z.literal('spec.report'), requestId: z.string(),
  layers: z.array(z.object({ index: z.number().int(), type: z.string(), inputs: z.number().int(), outputs: z.number().int(), parameters: z.number().int() }).strict()),
  parameterCount: z.number().int(),
  /** The loss training would use (the request's, or the default for the last layer). */
  loss: LossNameSchema,
  issues: z.array(z.object({ message: z.string(), field: z.string() }).strict()),
}).strict();

/** One export file: its usual name, its media type and its bytes. */
export const ExportFileSchema = z.object({
  type: z.literal('export.file'), requestId: z.string(),
  fileName: z.string(), mime: z.string(),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'expected a Uint8Array' }),
}).strict();

/**
 * Something went wrong with a request. `field` names the input at fault (e.g. "hyper.learningRate", "spec.layers.2",
 * "surface") when there is one; `column` points into a typed expression.
 */
export const ErrorEventSchema = z.object({
  type: z.literal('error'),
  runId: z.string().optional(),
  requestId: z.string().optional(),
  message: z.string(),
  field: z.string().optional(),
  column: z.number().int().positive().optional(),
}).strict();

export const EngineEventSchema = z.discriminatedUnion('type', [
  TrainStartedSchema, TrainEpochSchema, TrainBatchesSchema, TrainStateSchema, TrainFinishedSchema, CatalogSchema, FunctionSamplesSchema,
  SurfaceGridSchema, SurfacePathSchema, GradcheckReportSchema, AnalysisReportSchema, LandscapeGridSchema, SpecReportSchema, ExportFileSchema, ErrorEventSchema,
]);
export type TrainStarted = z.infer<typeof TrainStartedSchema>;
export type TrainEpoch = z.infer<typeof TrainEpochSchema>;
export type TrainBatches = z.infer<typeof TrainBatchesSchema>;
export type TrainFinished = z.infer<typeof TrainFinishedSchema>;
export type Catalog = z.infer<typeof CatalogSchema>;
export type FunctionSamples = z.infer<typeof FunctionSamplesSchema>;
export type SurfaceGridEvent = z.infer<typeof SurfaceGridSchema>;
export type SurfacePath = z.infer<typeof SurfacePathSchema>;
export type GradcheckReport = z.infer<typeof GradcheckReportSchema>;
export type AnalysisReport = z.infer<typeof AnalysisReportSchema>;
export type LandscapeGrid = z.infer<typeof LandscapeGridSchema>;
export type SpecReport = z.infer<typeof SpecReportSchema>;
export type ExportFile = z.infer<typeof ExportFileSchema>;
export type ErrorEvent = z.infer<typeof ErrorEventSchema>;
export type EngineEvent = z.infer<typeof EngineEventSchema>;

// ---- the host's side: what a host tells the renderer about the engine process itself -----------

/** ready: an engine is listening; crashed: it died (any run in flight has failed) and a fresh one is being started. */
export type EngineStatus = { state: 'ready' } | { state: 'crashed'; message: string };

/**
 * What every host (Electron's preload as `window.lab`, or the browser host's WebSocket bridge) gives the renderer.
 * The renderer talks to the engine only through this, and never learns which host it has.
 */
export interface LabHost {
  /** Which host this is, for the About box only. */
  readonly kind: 'electron' | 'browser';
  /** Sends a request to the engine. */
  send(request: EngineRequest): void;
  /** Subscribes to engine events; returns the unsubscribe function. */
  onEvent(listener: (event: EngineEvent) => void): () => void;
  /** Subscribes to the engine process's status; returns the unsubscribe function. */
  onStatus(listener: (status: EngineStatus) => void): () => void;
  /**
   * Saves a file the user asked for. The desktop app asks where (a save dialog) and writes it atomically (a temporary
   * file, then a rename); the browser hands it to the browser's downloads.
   */
  saveFile(file: SaveFileRequest): Promise<SaveFileResult>;
}

/** A file to save: the name to suggest, its media type, its bytes. */
export interface SaveFileRequest { suggestedName: string; mime: string; bytes: Uint8Array }

/** saved: written (where: a path, or "downloads"); cancelled: the user closed the dialog; failed: why, in a sentence. */
export type SaveFileResult = { state: 'saved'; where: string } | { state: 'cancelled' } | { state: 'failed'; message: string };

/** The largest file a renderer may ask a host to save (the project file of a big run history stays well below). */
export const MAX_SAVE_BYTES = 256 * 1024 * 1024;

type Issue = z.core.$ZodIssue;

/**
 * Of a union's failure, the issue of the branch the input was meant for: the one that did not fail on its
 * discriminator ("kind" or "type"), e.g. a toy data set with an unknown name rather than "not a data set name".
 */
function branchIssue(issue: Issue): Issue {
  if (issue.code !== 'invalid_union') return issue;
  const meant = issue.errors.find((branch) => branch.length > 0 && branch[0]!.path.length > 0
    && !branch.some((i) => i.path.length === 1 && (i.path[0] === 'kind' || i.path[0] === 'type')));
  return meant ? { ...meant[0]!, path: [...issue.path, ...meant[0]!.path] } : issue;
}

/** Describes what is wrong with a zod error in one line, naming the field. */
export function describeIssue(error: z.ZodError): { message: string; field?: string } {
  const first = error.issues[0];
  if (!first) return { message: 'invalid message' };
  const issue = branchIssue(first);
  const field = issue.path.length ? issue.path.join('.') : undefined;
  return { message: field ? `${field}: ${issue.message}` : issue.message, field };
}

/** Parses an incoming request; a bad one gives an error event that names what is wrong. */
export function parseRequest(data: unknown): { ok: true; request: EngineRequest } | { ok: false; error: ErrorEvent } {
  const result = RequestSchema.safeParse(data);
  if (result.success) return { ok: true, request: result.data };
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const runId = typeof record.runId === 'string' ? record.runId : undefined;
  const requestId = typeof record.requestId === 'string' ? record.requestId : undefined;
  const { message, field } = describeIssue(result.error);
  return { ok: false, error: { type: 'error', runId, requestId, message: `bad request: ${message}`, field } };
}

/** The id an answer to `request` carries: a training request's runId, any other request's requestId. */
export function requestIds(request: EngineRequest): { runId?: string; requestId?: string } {
  return 'runId' in request ? { runId: request.runId } : { requestId: request.requestId };
}
