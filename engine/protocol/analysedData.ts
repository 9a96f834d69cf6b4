// The data a trained network is analysed on, shared by the analysis and landscape families; pure, any process.
import { z } from 'zod';
import { DataSourceSchema } from '../data/dataSource.js';
import { ExtraFeaturesSchema } from '../data/extraFeatures.js';
import { NormalisationSchema } from '../data/normalisation.js';
import { HyperparametersSchema } from '../training/hyperparameters.js';

/** The same source, split, normalisation and extra features as the network's run. */
export const AnalysedDataSchema = z
  .object({
    dataSet: DataSourceSchema,
    trainFraction: HyperparametersSchema.shape.trainFraction,
    seed: HyperparametersSchema.shape.seed,
    normalisation: NormalisationSchema.optional(),
    extraFeatures: ExtraFeaturesSchema.optional(),
  })
  .strict();
export type AnalysedData = z.infer<typeof AnalysedDataSchema>;
