// The compare family of the protocol: train several networks over several seeds one after another, with progress and a stop; pure, any process.
import { z } from 'zod';
import { DataSourceSchema } from '../data/dataSource.js';
import { MAX_COMPARE_NETWORKS, MAX_COMPARE_SEEDS } from '../limits.js';
import { NetworkSpecSchema } from '../spec.js';
import { EpochMetricsSchema } from '../training/epochMetrics.js';
import { HyperparametersSchema } from '../training/hyperparameters.js';
import { FinishReasonSchema } from './training.js';

const seed = HyperparametersSchema.shape.seed;

export const CompareStartSchema = z
  .object({
    type: z.literal('compare.start'),
    /** Every event of the comparison carries it; compare.stop names it. */
    requestId: z.string().min(1),
    networks: z
      .array(z.object({ name: z.string().min(1), spec: NetworkSpecSchema }).strict())
      .min(1, 'pick at least one network')
      .max(MAX_COMPARE_NETWORKS, `at most ${MAX_COMPARE_NETWORKS} networks are compared at once`),
    seeds: z.array(seed).min(1, 'give at least one seed').max(MAX_COMPARE_SEEDS, `at most ${MAX_COMPARE_SEEDS} seeds are compared at once`),
    dataSet: DataSourceSchema,
    /** The settings every run shares; each run's seed (split, initialisation) comes from `seeds`, so hyper.seed is not used. */
    hyper: HyperparametersSchema,
  })
  .strict();
export type CompareStart = z.infer<typeof CompareStartSchema>;

export const CompareStopSchema = z.object({ type: z.literal('compare.stop'), requestId: z.string().min(1) }).strict();
export type CompareStop = z.infer<typeof CompareStopSchema>;

/** Sent after each of a run's first epochs, then a few times a second and after its last: which run (network index, seed) and how far the whole comparison is. */
export const CompareProgressSchema = z
  .object({
    type: z.literal('compare.progress'),
    requestId: z.string(),
    network: z.number().int().nonnegative(),
    seed,
    epoch: z.number().int().nonnegative(),
    epochs: z.number().int().nonnegative(),
    /** Runs finished so far, and the number of runs in the comparison. */
    runsDone: z.number().int().nonnegative(),
    runs: z.number().int().positive(),
  })
  .strict();

/** One finished run of the comparison (a run cut short by a stop is not sent). */
export const CompareRunSchema = z
  .object({
    type: z.literal('compare.run'),
    requestId: z.string(),
    network: z.number().int().nonnegative(),
    seed,
    reason: FinishReasonSchema,
    message: z.string(),
    history: z.array(EpochMetricsSchema),
    parameterCount: z.number().int().nonnegative(),
    seconds: z.number().nonnegative(),
  })
  .strict();

/** The comparison is over: every run finished, or it was stopped (the runs sent so far stand). */
export const CompareFinishedSchema = z
  .object({
    type: z.literal('compare.finished'),
    requestId: z.string(),
    reason: z.enum(['completed', 'stopped']),
    runsDone: z.number().int().nonnegative(),
    runs: z.number().int().positive(),
  })
  .strict();

export type CompareProgress = z.infer<typeof CompareProgressSchema>;
export type CompareRun = z.infer<typeof CompareRunSchema>;
export type CompareFinished = z.infer<typeof CompareFinishedSchema>;
