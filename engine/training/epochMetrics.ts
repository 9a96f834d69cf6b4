// One epoch's metrics, as the exercise defines them; pure, any process.
import { z } from 'zod';

/** Means over the full minibatches of each phase; the test figures are absent when the run has no test set (train fraction 1). */
export const EpochMetricsSchema = z
  .object({
    epoch: z.number().int().positive(),
    trainLoss: z.number(),
    trainAccuracy: z.number(),
    testLoss: z.number().optional(),
    testAccuracy: z.number().optional(),
  })
  .strict();
export type EpochMetrics = z.infer<typeof EpochMetricsSchema>;
