// The epoch-estimate family of the protocol: how long an epoch of a network on its data and minibatch size will take, before training; pure, any process.
import { z } from 'zod';
import { DataSourceSchema } from '../data/dataSource.js';
import { NetworkSpecSchema } from '../spec.js';
import { EpochEstimateSchema } from '../training/epochTime.js';
import { HyperparametersSchema } from '../training/hyperparameters.js';

/** Asks the engine to time a few minibatches of the run train.start with these fields would train. */
export const EpochEstimateRequestSchema = z
  .object({
    type: z.literal('epoch.estimate'),
    requestId: z.string().min(1),
    spec: NetworkSpecSchema,
    dataSet: DataSourceSchema,
    hyper: HyperparametersSchema,
  })
  .strict();
export type EpochEstimateRequest = z.infer<typeof EpochEstimateRequestSchema>;

/** The estimate: seconds per minibatch and per epoch, and for the run's epochs in all. */
export const EpochEstimatedSchema = z
  .object({
    type: z.literal('epoch.estimated'),
    requestId: z.string(),
    estimate: EpochEstimateSchema,
    /** secondsPerEpoch × the request's epochs. */
    totalSeconds: z.number().nonnegative(),
  })
  .strict();
export type EpochEstimated = z.infer<typeof EpochEstimatedSchema>;
