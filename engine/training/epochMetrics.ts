// One epoch's metrics, as the exercise defines them; pure, any process.
import { z } from 'zod';

/** Means over the full minibatches of each phase. */
export const EpochMetricsSchema = z
  .object({
    epoch: z.number().int().positive(),
    trainLoss: z.number(),
    trainAccuracy: z.number(),
    testLoss: z.number(),
    testAccuracy: z.number(),
  })
  .strict();
export type EpochMetrics = z.infer<typeof EpochMetricsSchema>;
