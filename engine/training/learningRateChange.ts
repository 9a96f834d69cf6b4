// A learning rate changed during a run, and where in the run it took effect; pure, any process.
import { z } from 'zod';
import { positiveNumber } from '../numberSchemas.js';

/** From training minibatch `batch` on (counted from 1 over the run), in epoch `epoch`, updates use `learningRate`. */
export const LearningRateChangeSchema = z
  .object({ batch: z.number().int().positive(), epoch: z.number().int().positive(), learningRate: positiveNumber('learning rate') })
  .strict();
export type LearningRateChange = z.infer<typeof LearningRateChangeSchema>;
