// The losses by name and their titles, as every view and report shows them; pure, any process.
import { z } from 'zod';

/** bce: binary cross-entropy on sigmoid outputs; cce: categorical cross-entropy fused with a final softmax; mse: mean squared error. */
export const LOSS_NAMES = ['bce', 'cce', 'mse'] as const;
export const LossNameSchema = z.enum(LOSS_NAMES);
export type LossName = z.infer<typeof LossNameSchema>;

/** Each loss's title, e.g. for a chart's axis; in a sentence it is lower-cased. */
export const LOSS_TITLES: Record<LossName, string> = {
  bce: 'Binary cross-entropy',
  cce: 'Categorical cross-entropy',
  mse: 'Mean squared error',
};
