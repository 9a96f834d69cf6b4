// The surfaces family of the protocol: evaluate a surface on a grid, and run an optimizer on it; pure, any process.
import { z } from 'zod';
import { positiveNumber } from '../numberSchemas.js';
import { OptimizerSchema } from '../optimizers/optimizerConfig.js';
import { DecaySchema } from '../training/hyperparameters.js';
import { Float64ArraySchema } from './typedArrays.js';

const requestId = z.string().min(1);

export const BoundsSchema = z
  .object({ xMin: z.number(), xMax: z.number(), yMin: z.number(), yMax: z.number() })
  .strict()
  .refine((b) => b.xMax > b.xMin && b.yMax > b.yMin, { message: 'bounds need xMax > xMin and yMax > yMin' });

/** Evaluates a surface (a built-in id or a typed expression in x and y) on an nx × ny grid. */
export const SurfaceEvaluateSchema = z
  .object({
    type: z.literal('surface.evaluate'),
    requestId,
    surface: z.string().min(1, 'type a function of x and y'),
    bounds: BoundsSchema.optional(),
    nx: z.number().int().min(2).max(1000),
    ny: z.number().int().min(2).max(1000),
  })
  .strict();

/** Runs an optimizer on a surface from a start point. */
export const SurfaceDescendSchema = z
  .object({
    type: z.literal('surface.descend'),
    requestId,
    surface: z.string().min(1, 'type a function of x and y'),
    start: z.object({ x: z.number(), y: z.number() }).strict(),
    learningRate: positiveNumber('step size'),
    steps: z.number().int().min(0).max(100000, 'at most 100000 steps'),
    decay: DecaySchema.optional(),
    optimizer: OptimizerSchema.optional(),
  })
  .strict();

export type SurfaceEvaluate = z.infer<typeof SurfaceEvaluateSchema>;
export type SurfaceDescend = z.infer<typeof SurfaceDescendSchema>;

/** values[j * nx + i] = f(x_i, y_j), x and y ascending; non-finite values are NaN. */
export const SurfaceGridSchema = z
  .object({
    type: z.literal('surface.grid'),
    requestId: z.string(),
    surface: z.string(),
    name: z.string(),
    bounds: BoundsSchema,
    nx: z.number().int(),
    ny: z.number().int(),
    values: Float64ArraySchema,
    min: z.number(),
    max: z.number(),
    /** The surface's local minima in the window, lowest first: the catalog's for a built-in surface, found numerically for a typed one. */
    minima: z.array(z.object({ x: z.number(), y: z.number(), f: z.number() }).strict()),
    /** Whether the minima are the catalog's known ones (else found by Newton's method from the grid's lowest points). */
    minimaKnown: z.boolean(),
  })
  .strict();

/** The optimizer's points, start included: steps + 1 entries unless it stopped early on a non-finite value. */
export const SurfacePathSchema = z
  .object({
    type: z.literal('surface.path'),
    requestId: z.string(),
    x: Float64ArraySchema,
    y: Float64ArraySchema,
    f: Float64ArraySchema,
    /** A sentence when the path diverged: it left the finite numbers, the region around the window, or f grew without limit. */
    diverged: z.string().optional(),
    /** The step it diverged at (its point is the path's last when finite). */
    divergedAt: z.number().int().optional(),
  })
  .strict();

export type SurfaceGridEvent = z.infer<typeof SurfaceGridSchema>;
export type SurfacePath = z.infer<typeof SurfacePathSchema>;
