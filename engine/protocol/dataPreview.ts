// The data-preview family of the protocol: a data set as a run would prepare it — sizes, class balance, thumbnails or its plane of points; pure, any process.
import { z } from 'zod';
import { DataSourceSchema } from '../data/dataSource.js';
import { ExtraFeaturesSchema } from '../data/extraFeatures.js';
import { NormalisationSchema } from '../data/normalisation.js';
import { PlaneFrameSchema } from '../data/planeView.js';
import { HyperparametersSchema } from '../training/hyperparameters.js';
import { Float64ArraySchema, Int32ArraySchema } from './typedArrays.js';

/** Asks for a data set as a run with this split, seed, normalisation and extra features would see it. */
export const DataPreviewSchema = z
  .object({
    type: z.literal('data.preview'),
    requestId: z.string().min(1),
    dataSet: DataSourceSchema,
    trainFraction: HyperparametersSchema.shape.trainFraction,
    seed: HyperparametersSchema.shape.seed,
    normalisation: NormalisationSchema.optional(),
    extraFeatures: ExtraFeaturesSchema.optional(),
  })
  .strict();
export type DataPreview = z.infer<typeof DataPreviewSchema>;

const PlaneSplitSchema = z
  .object({
    /** Row-major shown×2: each shown sample's x and y as the network sees them (normalised). */
    points: Float64ArraySchema,
    labels: Int32ArraySchema,
  })
  .strict();

/** The answer: the prepared data's shape and, by split, its class counts; a few images, or its points in the plane. */
export const DataPreviewedSchema = z
  .object({
    type: z.literal('data.previewed'),
    requestId: z.string(),
    name: z.string(),
    featureNames: z.array(z.string()),
    classes: z.array(z.string()),
    trainSize: z.number().int(),
    testSize: z.number().int(),
    /** Samples of each class, in the order of `classes`. */
    trainCounts: z.array(z.number().int()),
    testCounts: z.array(z.number().int()),
    /** Image data: the first training samples' pixels (row-major count×height×width) and classes. */
    images: z.object({ width: z.number().int(), height: z.number().int(), pixels: Float64ArraySchema, labels: Int32ArraySchema }).strict().optional(),
    /** Two-feature data: the frame of the decision boundary and the points of each split (at most MAX_PLANE_POINTS each). */
    plane: z.object({ frame: PlaneFrameSchema, train: PlaneSplitSchema, test: PlaneSplitSchema }).strict().optional(),
    /** Why there is no plane (the data has not two features of its own). */
    planeAbsent: z.string().optional(),
  })
  .strict();
export type DataPreviewed = z.infer<typeof DataPreviewedSchema>;
