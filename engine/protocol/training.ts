// The training family of the protocol: start, stop, pause and resume a run, and the run's events; pure, any process.
import { z } from 'zod';
import { DataSourceSchema } from '../data/dataSource.js';
import { NormalisationSchema } from '../data/normalisation.js';
import { LossNameSchema } from '../losses/lossNames.js';
import { OptimizerSchema } from '../optimizers/optimizerConfig.js';
import { NetworkSpecSchema } from '../spec.js';
import { TrainedWeightsSchema } from '../trainedWeights.js';
import { EpochMetricsSchema } from '../training/epochMetrics.js';
import { HyperparametersSchema } from '../training/hyperparameters.js';
import { Float64ArraySchema } from './typedArrays.js';

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
  })
  .strict();

export const TrainStopSchema = z.object({ type: z.literal('train.stop'), runId }).strict();
export const TrainPauseSchema = z.object({ type: z.literal('train.pause'), runId }).strict();
export const TrainResumeSchema = z.object({ type: z.literal('train.resume'), runId }).strict();

export type TrainStart = z.infer<typeof TrainStartSchema>;
export type TrainStop = z.infer<typeof TrainStopSchema>;
export type TrainPause = z.infer<typeof TrainPauseSchema>;
export type TrainResume = z.infer<typeof TrainResumeSchema>;

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

/** Training losses of consecutive minibatches, sent a few times a second: batch `firstBatch` (counted from 1 over the run) onwards. */
export const TrainBatchesSchema = z
  .object({ type: z.literal('train.batches'), runId: z.string(), firstBatch: z.number().int().positive(), losses: Float64ArraySchema })
  .strict();

/** The run is paused (waiting for resume) or running again. */
export const TrainStateSchema = z.object({ type: z.literal('train.state'), runId: z.string(), state: z.enum(['paused', 'running']) }).strict();

/** completed: all epochs ran; stopped: the user stopped it; diverged: the loss became NaN or infinite. */
export const FinishReasonSchema = z.enum(['completed', 'stopped', 'diverged']);
export type FinishReason = z.infer<typeof FinishReasonSchema>;

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
  })
  .strict();

export type TrainStarted = z.infer<typeof TrainStartedSchema>;
export type TrainEpoch = z.infer<typeof TrainEpochSchema>;
export type TrainBatches = z.infer<typeof TrainBatchesSchema>;
export type TrainState = z.infer<typeof TrainStateSchema>;
export type TrainFinished = z.infer<typeof TrainFinishedSchema>;
