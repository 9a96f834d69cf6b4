// The training family of the protocol: start, stop, pause and resume a run, and the run's events; pure, any process.
import { z } from 'zod';
import { DataSourceSchema } from '../data/dataSource.js';
import { NormalisationSchema } from '../data/normalisation.js';
import { PlaneFrameSchema } from '../data/planeView.js';
import { LossNameSchema } from '../losses/lossNames.js';
import { OptimizerSchema } from '../optimizers/optimizerConfig.js';
import { NetworkSpecSchema } from '../spec.js';
import { TrainedWeightsSchema } from '../trainedWeights.js';
import { DiagnosisSchema } from '../training/diagnoseRun.js';
import { EpochMetricsSchema } from '../training/epochMetrics.js';
import { HyperparametersSchema } from '../training/hyperparameters.js';
import { LearningRateChangeSchema } from '../training/learningRateChange.js';
import { positiveNumber } from '../numberSchemas.js';
import { Float64ArraySchema, Int32ArraySchema } from './typedArrays.js';

const runId = z.string().min(1);

export const TrainStartSchema = z
  .object({
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
    /** For two-feature data: send train.boundary, the network's output over the plane, a few times a second. */
    boundary: z.boolean().optional(),
  })
  .strict();

export const TrainStopSchema = z.object({ type: z.literal('train.stop'), runId }).strict();
export const TrainPauseSchema = z.object({ type: z.literal('train.pause'), runId }).strict();
export const TrainResumeSchema = z.object({ type: z.literal('train.resume'), runId }).strict();
/** While paused: train one minibatch (or to the end of the epoch), then pause again. */
export const TrainStepSchema = z.object({ type: z.literal('train.step'), runId, unit: z.enum(['batch', 'epoch']) }).strict();
/** A new learning rate, used from the next update on (while paused: from the resume or the step). */
export const TrainSetLearningRateSchema = z.object({ type: z.literal('train.setLearningRate'), runId, learningRate: positiveNumber('learning rate') }).strict();

export type TrainStart = z.infer<typeof TrainStartSchema>;
export type TrainStop = z.infer<typeof TrainStopSchema>;
export type TrainPause = z.infer<typeof TrainPauseSchema>;
export type TrainResume = z.infer<typeof TrainResumeSchema>;
export type TrainStep = z.infer<typeof TrainStepSchema>;
export type TrainSetLearningRate = z.infer<typeof TrainSetLearningRateSchema>;

export const TrainStartedSchema = z
  .object({
    type: z.literal('train.started'),
    runId: z.string(),
    trainSize: z.number().int(),
    testSize: z.number().int(),
    parameterCount: z.number().int(),
  })
  .strict();

/**
 * Epochs finished: `metrics` is the latest; a fast run's epochs are coalesced to a few events a second, and `earlier`
 * then holds the ones finished since the run's previous train.epoch, oldest first (every epoch arrives exactly once).
 */
export const TrainEpochSchema = z
  .object({ type: z.literal('train.epoch'), runId: z.string(), metrics: EpochMetricsSchema, earlier: z.array(EpochMetricsSchema).optional() })
  .strict();

/**
 * Training losses of consecutive minibatches, sent a few times a second while an epoch runs: batch `firstBatch` (counted
 * from 1 over the run) onwards, with the training samples per second since the last such event (pauses left out; absent
 * when the time was too short to measure).
 */
export const TrainBatchesSchema = z
  .object({
    type: z.literal('train.batches'),
    runId: z.string(),
    firstBatch: z.number().int().positive(),
    losses: Float64ArraySchema,
    samplesPerSecond: z.number().nonnegative().optional(),
  })
  .strict();

/** The run is paused (waiting for resume) or running again. */
export const TrainStateSchema = z.object({ type: z.literal('train.state'), runId: z.string(), state: z.enum(['paused', 'running']) }).strict();

/**
 * The network's outputs over the plane of two-feature data (its decision boundary): `values` is row-major
 * (frame.rows · frame.columns) × outputs, row 0 at frame.yMin, after `batch` training minibatches and `epoch` epochs.
 */
export const TrainBoundarySchema = z
  .object({
    type: z.literal('train.boundary'),
    runId: z.string(),
    batch: z.number().int().nonnegative(),
    epoch: z.number().int().nonnegative(),
    frame: PlaneFrameSchema,
    outputs: z.number().int().positive(),
    values: Float64ArraySchema,
  })
  .strict();

/** A learning rate set during the run took effect. */
export const TrainLearningRateSchema = z.object({ type: z.literal('train.learningRate'), runId: z.string(), change: LearningRateChangeSchema }).strict();

/** completed: all epochs ran; stopped: the user stopped it; diverged: the loss became NaN or infinite. */
export const FinishReasonSchema = z.enum(['completed', 'stopped', 'diverged']);
export type FinishReason = z.infer<typeof FinishReasonSchema>;

/** The rows of a data set each side of a run's split holds, as the engine sends them. */
export const SplitRowsSchema = z
  .object({
    train: Int32ArraySchema,
    test: Int32ArraySchema,
    /** Image files keep their own split: the files whose images `train` and `test` count. Absent for one table split in two. */
    files: z.object({ train: z.string(), test: z.string() }).strict().optional(),
  })
  .strict();

export const TrainFinishedSchema = z
  .object({
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
    parameterPath: z.array(Float64ArraySchema).optional(),
    /** The learning rates set during the run, in order (absent when none was). */
    learningRateChanges: z.array(LearningRateChangeSchema).optional(),
    /** The rows of the data (counted from 0 in the source's order) of each side of the split, in training order; test is empty at train fraction 1. */
    split: SplitRowsSchema,
    /** Seconds the engine spent on the run, from loading the data to the last epoch. */
    seconds: z.number().nonnegative(),
    /** What went wrong, found on the test set (the training set when there is none): one class for every sample, dead ReLU layers. */
    diagnoses: z.array(DiagnosisSchema),
  })
  .strict();

export type TrainStarted = z.infer<typeof TrainStartedSchema>;
export type TrainEpoch = z.infer<typeof TrainEpochSchema>;
export type TrainBatches = z.infer<typeof TrainBatchesSchema>;
export type TrainState = z.infer<typeof TrainStateSchema>;
export type TrainFinished = z.infer<typeof TrainFinishedSchema>;
export type TrainBoundary = z.infer<typeof TrainBoundarySchema>;
export type TrainLearningRate = z.infer<typeof TrainLearningRateSchema>;
