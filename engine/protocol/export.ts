// The export family of the protocol: one export file's bytes for a trained network or a run; pure, any process.
import { z } from 'zod';
import { DataSourceSchema } from '../data/dataSource.js';
import { ExportFormatSchema } from '../export/exportFormats.js';
import { HyperparametersSchema } from '../training/hyperparameters.js';
import { TrainedWeightsSchema } from '../trainedWeights.js';
import { EpochMetricsSchema } from '../training/epochMetrics.js';
import { Uint8ArraySchema } from './typedArrays.js';

/** Builds one export file's bytes: weights need `weights`, metrics.csv needs `history`, train_run.py the weights and `training`. */
export const ExportBuildSchema = z
  .object({
    type: z.literal('export.build'),
    requestId: z.string().min(1),
    format: ExportFormatSchema,
    /** As in analysis.run: the finished run whose weights the engine keeps. */
    runId: z.string().min(1).optional(),
    weights: TrainedWeightsSchema.optional(),
    history: z.array(EpochMetricsSchema).optional(),
    /** For train_run.py: how the run was trained (its data and hyperparameters; the network is the weights'). */
    training: z.object({ dataSet: DataSourceSchema, hyper: HyperparametersSchema }).strict().optional(),
  })
  .strict();
export type ExportBuild = z.infer<typeof ExportBuildSchema>;

/** One export file: its usual name, its media type and its bytes. */
export const ExportFileSchema = z
  .object({
    type: z.literal('export.file'),
    requestId: z.string(),
    fileName: z.string(),
    mime: z.string(),
    bytes: Uint8ArraySchema,
  })
  .strict();
export type ExportFile = z.infer<typeof ExportFileSchema>;
