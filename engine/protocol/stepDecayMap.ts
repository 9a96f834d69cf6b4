// The step-size × decay map family of the protocol: compute the map (progress events, then its result; work.stop stops it); pure, any process.
import { z } from 'zod';
import { MAX_MAP_AXIS, MAX_MAP_STEPS } from '../limits.js';
import { positiveNumber } from '../numberSchemas.js';
import { OptimizerSchema } from '../optimizers/optimizerConfig.js';
import { DecaySchema } from '../training/hyperparameters.js';
import { Float64ArraySchema } from './typedArrays.js';

const requestId = z.string().min(1);
const axis = <T extends z.ZodType>(value: T, what: string) =>
  z.array(value).min(1, `at least one ${what}`).max(MAX_MAP_AXIS, `at most ${MAX_MAP_AXIS} ${what}s`);

/** Runs the optimizer from one start for every step size × decay pair; answered by progress events, then one result. */
export const SurfaceMapSchema = z
  .object({
    type: z.literal('surface.map'),
    requestId,
    surface: z.string().min(1, 'type a function of x and y'),
    start: z.object({ x: z.number(), y: z.number() }).strict(),
    steps: z.number().int().min(1).max(100000, 'at most 100000 steps'),
    optimizer: OptimizerSchema.optional(),
    /** The map's columns (the renderer spaces them on a log scale). */
    stepSizes: axis(positiveNumber('a step size'), 'step size'),
    /** The map's rows. */
    decays: axis(DecaySchema, 'decay'),
    /** A run has converged once f is within epsilon of the best value any run reached. */
    epsilon: positiveNumber('epsilon'),
  })
  .strict()
  .superRefine((r, context) => {
    const work = r.stepSizes.length * r.decays.length * r.steps;
    if (work > MAX_MAP_STEPS) {
      context.addIssue({
        code: 'custom',
        path: ['steps'],
        message: `${r.stepSizes.length} × ${r.decays.length} runs of ${r.steps} steps are ${work.toLocaleString('en')} steps; a map takes at most ${MAX_MAP_STEPS.toLocaleString('en')}`,
      });
    }
  });

export type SurfaceMap = z.infer<typeof SurfaceMapSchema>;

/** How many of the map's runs are done. */
export const SurfaceMapProgressSchema = z
  .object({ type: z.literal('surface.mapProgress'), requestId: z.string(), done: z.number().int(), total: z.number().int() })
  .strict();

/**
 * The map: cell j · stepSizes.length + i is step size i with decay j. finalValue and lowestValue are NaN where the run
 * diverged; divergedAt is the step it diverged at (0 when it did not); stepsToBest the first step within epsilon of
 * bestValue (−1 when it never got there).
 */
export const SurfaceMapResultSchema = z
  .object({
    type: z.literal('surface.mapResult'),
    requestId: z.string(),
    stepSizes: Float64ArraySchema,
    decays: Float64ArraySchema,
    finalValue: Float64ArraySchema,
    lowestValue: Float64ArraySchema,
    divergedAt: Float64ArraySchema,
    stepsToBest: Float64ArraySchema,
    bestValue: z.number(),
    epsilon: z.number(),
  })
  .strict();

export type SurfaceMapProgress = z.infer<typeof SurfaceMapProgressSchema>;
export type SurfaceMapResult = z.infer<typeof SurfaceMapResultSchema>;
