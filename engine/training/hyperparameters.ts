// A run's hyperparameters, how gradients are combined, and the exercise's settings; pure, any process.
import { z } from 'zod';
import { NormalisationSchema } from '../data/normalisation.js';
import { LossNameSchema } from '../losses/lossNames.js';
import { positiveInteger, positiveNumber } from '../numberSchemas.js';
import { OptimizerSchema } from '../optimizers/optimizerConfig.js';

/** How per-sample gradients are combined over a minibatch: the exercise sums them, PyTorch's default is the mean. */
export const ReductionSchema = z.enum(['sum', 'mean']);
export type Reduction = z.infer<typeof ReductionSchema>;

/** The exercise's step-size decay: the step is multiplied by it before each update; 1 keeps it constant. */
export const DecaySchema = z.number({ error: 'decay must be a number' }).refine((v) => v > 0 && v <= 1, { message: 'decay must be above 0 and at most 1' });

export const HyperparametersSchema = z
  .object({
    epochs: z
      .number({ error: 'epochs must be a number' })
      .refine((v) => Number.isInteger(v) && v >= 0, { message: 'epochs must be a whole number, 0 or more' }),
    learningRate: positiveNumber('learning rate'),
    batchSize: positiveInteger('minibatch size'),
    reduction: ReductionSchema,
    /** Fraction of the samples used for training; the rest is the test set (none at 1: every row trains, no test phase). */
    trainFraction: z.number().refine((v) => v > 0 && v <= 1, { message: 'train fraction must be between 0 and 1' }),
    seed: z
      .number()
      .int('seed must be a whole number')
      .nonnegative('seed must be 0 or more')
      .max(2 ** 32 - 1, 'seed must be below 2^32'),
    /** Default: cce after a softmax, bce after a sigmoid, else mse. */
    loss: LossNameSchema.optional(),
    /** Default: plain SGD. */
    optimizer: OptimizerSchema.optional(),
    /** Default 1 (no decay). */
    decay: DecaySchema.optional(),
    /** L2 penalty λ on the weights (not the biases): adds λ·W to their gradient. Default 0. */
    weightDecay: z.number().min(0, 'weight decay must be 0 or more').optional(),
    /** Default: global for the digits (as the exercise), standardize for every other data set. */
    normalisation: NormalisationSchema.optional(),
  })
  .strict();
export type Hyperparameters = z.infer<typeof HyperparametersSchema>;

/** The exercise's settings: 25 epochs, step 0.01, minibatches of 10, summed gradients, a 50/50 split. */
export const EXERCISE_HYPERPARAMETERS: Hyperparameters = {
  epochs: 25,
  learningRate: 0.01,
  batchSize: 10,
  reduction: 'sum',
  trainFraction: 0.5,
  seed: 1,
};
