// The one typed protocol between the renderer, the hosts (Electron main, browser host) and the engine process.
// Every side that receives a message validates it with these schemas before trusting it.
import { z } from 'zod';
import { NetworkSpecSchema, TrainedWeightsSchema } from './spec.js';

export const DATA_SET_NAMES = ['digits-binary', 'digits'] as const;
export const DataSetNameSchema = z.enum(DATA_SET_NAMES, { error: (issue) => `unknown data set ${JSON.stringify(issue.input)}; known: ${DATA_SET_NAMES.join(', ')}` });
export type DataSetName = z.infer<typeof DataSetNameSchema>;

/** How per-sample gradients are combined over a minibatch: the exercise sums them, PyTorch's default is the mean. */
export const ReductionSchema = z.enum(['sum', 'mean']);
export type Reduction = z.infer<typeof ReductionSchema>;

const positiveNumber = (what: string) =>
  z.number({ error: `${what} must be a number` }).refine((v) => Number.isFinite(v) && v > 0, { message: `${what} must be a positive number` });
const positiveInteger = (what: string) =>
  z.number({ error: `${what} must be a number` }).refine((v) => Number.isInteger(v) && v > 0, { message: `${what} must be a positive whole number` });

export const HyperparametersSchema = z.object({
  epochs: z.number({ error: 'epochs must be a number' }).refine((v) => Number.isInteger(v) && v >= 0, { message: 'epochs must be a whole number, 0 or more' }),
  learningRate: positiveNumber('learning rate'),
  batchSize: positiveInteger('minibatch size'),
  reduction: ReductionSchema,
  /** Fraction of the samples used for training; the rest is the test set. */
  trainFraction: z.number().refine((v) => v > 0 && v < 1, { message: 'train fraction must be between 0 and 1' }),
  seed: z.number().int('seed must be a whole number').nonnegative('seed must be 0 or more').max(2 ** 32 - 1, 'seed must be below 2^32'),
}).strict();
export type Hyperparameters = z.infer<typeof HyperparametersSchema>;

/** The exercise's settings: 25 epochs, step 0.01, minibatches of 10, summed gradients, a 50/50 split. */
export const EXERCISE_HYPERPARAMETERS: Hyperparameters = {
  epochs: 25, learningRate: 0.01, batchSize: 10, reduction: 'sum', trainFraction: 0.5, seed: 1,
};

// ---- requests: renderer → engine --------------------------------------------------------------

export const TrainStartSchema = z.object({
  type: z.literal('train.start'),
  /** The run's id, chosen by the sender; every event of the run carries it. */
  runId: z.string().min(1),
  spec: NetworkSpecSchema,
  dataSet: DataSetNameSchema,
  hyper: HyperparametersSchema,
}).strict();

export const TrainStopSchema = z.object({ type: z.literal('train.stop'), runId: z.string().min(1) }).strict();

export const RequestSchema = z.discriminatedUnion('type', [TrainStartSchema, TrainStopSchema]);
export type TrainStart = z.infer<typeof TrainStartSchema>;
export type TrainStop = z.infer<typeof TrainStopSchema>;
export type EngineRequest = z.infer<typeof RequestSchema>;

// ---- events: engine → renderer ----------------------------------------------------------------

/** One epoch's metrics, defined as the exercise defines them (means over the full minibatches of each phase). */
export const EpochMetricsSchema = z.object({
  epoch: z.number().int().positive(),
  trainLoss: z.number(),
  trainAccuracy: z.number(),
  testLoss: z.number(),
  testAccuracy: z.number(),
}).strict();
export type EpochMetrics = z.infer<typeof EpochMetricsSchema>;

export const TrainStartedSchema = z.object({
  type: z.literal('train.started'),
  runId: z.string(),
  trainSize: z.number().int(),
  testSize: z.number().int(),
  parameterCount: z.number().int(),
}).strict();

export const TrainEpochSchema = z.object({ type: z.literal('train.epoch'), runId: z.string(), metrics: EpochMetricsSchema }).strict();

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
}).strict();

/** Something went wrong with a request. `field` names the input at fault (e.g. "learningRate", "spec.layers.2") when there is one. */
export const ErrorEventSchema = z.object({
  type: z.literal('error'),
  runId: z.string().optional(),
  message: z.string(),
  field: z.string().optional(),
}).strict();

export const EngineEventSchema = z.discriminatedUnion('type', [TrainStartedSchema, TrainEpochSchema, TrainFinishedSchema, ErrorEventSchema]);
export type TrainStarted = z.infer<typeof TrainStartedSchema>;
export type TrainEpoch = z.infer<typeof TrainEpochSchema>;
export type TrainFinished = z.infer<typeof TrainFinishedSchema>;
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
}

/** Describes what is wrong with a zod error in one line, naming the field. */
export function describeIssue(error: z.ZodError): { message: string; field?: string } {
  const issue = error.issues[0];
  if (!issue) return { message: 'invalid message' };
  const field = issue.path.length ? issue.path.join('.') : undefined;
  return { message: field ? `${field}: ${issue.message}` : issue.message, field };
}

/** Parses an incoming request; a bad one gives an error event that names what is wrong. */
export function parseRequest(data: unknown): { ok: true; request: EngineRequest } | { ok: false; error: ErrorEvent } {
  const result = RequestSchema.safeParse(data);
  if (result.success) return { ok: true, request: result.data };
  const runId = typeof data === 'object' && data !== null && typeof (data as { runId?: unknown }).runId === 'string'
    ? (data as { runId: string }).runId : undefined;
  const { message, field } = describeIssue(result.error);
  return { ok: false, error: { type: 'error', runId, message: `bad request: ${message}`, field } };
}
