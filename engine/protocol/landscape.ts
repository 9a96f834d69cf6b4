// The landscape family of the protocol: the loss over a 2D slice through a trained network's weights; pure, any process.
import { z } from 'zod';
import { LossNameSchema } from '../losses/lossNames.js';
import { TrainedWeightsSchema } from '../trainedWeights.js';
import { AnalysedDataSchema } from './analysedData.js';
import { Float64ArraySchema } from './typedArrays.js';

/** The loss over a 2D slice through the weights along two filter-normalised random directions (Li et al., 2018). */
export const LandscapeRunSchema = z
  .object({
    type: z.literal('landscape.run'),
    requestId: z.string().min(1),
    /** As in analysis.run: the finished run the engine keeps, whose recorded path is used when `path` is not sent. */
    runId: z.string().min(1).optional(),
    weights: TrainedWeightsSchema.optional(),
    data: AnalysedDataSchema,
    loss: LossNameSchema.optional(),
    /** Flattened parameters per epoch (from a run with recordPath) to project onto the slice. */
    path: z.array(Float64ArraySchema).optional(),
    resolution: z.number().int().min(3).max(101),
    /** The slice spans −span..span along each direction. */
    span: z.number().positive().max(100),
    directionSeed: z
      .number()
      .int()
      .nonnegative()
      .max(2 ** 32 - 1),
  })
  .strict();
export type LandscapeRun = z.infer<typeof LandscapeRunSchema>;

export const LandscapeGridSchema = z
  .object({
    type: z.literal('landscape.grid'),
    requestId: z.string(),
    /** Coordinates along the two directions; values[j * n + i] is the loss at (alpha_i, beta_j). */
    alpha: Float64ArraySchema,
    beta: Float64ArraySchema,
    values: Float64ArraySchema,
    path: z.object({ alpha: Float64ArraySchema, beta: Float64ArraySchema }).strict().optional(),
  })
  .strict();
export type LandscapeGrid = z.infer<typeof LandscapeGridSchema>;
