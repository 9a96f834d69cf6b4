// The feature-maps family of the protocol: inside a trained convolutional network for one sample, and how one value of a feature map came about; pure, any process.
import { z } from 'zod';
import { TrainedWeightsSchema } from '../trainedWeights.js';
import { AnalysedDataSchema } from './analysedData.js';
import { Float64ArraySchema } from './typedArrays.js';

const index = z.number().int().nonnegative();
const shape = z.array(z.number().int().nonnegative());

/** What both requests name: the run (its kept weights, or the weights themselves), its data, and the sample. */
const trainedSample = {
  requestId: z.string().min(1),
  /** The finished run whose weights the engine keeps; without `weights` an engine that no longer has them answers code "unknown-run". */
  runId: z.string().min(1).optional(),
  weights: TrainedWeightsSchema.optional(),
  data: AnalysedDataSchema,
  /** The sample, an index into the test set (the training set of a run without one). */
  sampleIndex: index,
};

/** Every convolution's feature maps for one sample, before and after its activation, and the first convolution's filters. */
export const FeatureMapsRunSchema = z.object({ type: z.literal('featureMaps.run'), ...trainedSample }).strict();
export type FeatureMapsRun = z.infer<typeof FeatureMapsRunSchema>;

/** How the value at (filter, row, column) of the convolution at spec index `layer` came about for one sample. */
export const FeatureMapsExplainSchema = z
  .object({ type: z.literal('featureMaps.explain'), ...trainedSample, layer: index, filter: index, row: index, column: index })
  .strict();
export type FeatureMapsExplain = z.infer<typeof FeatureMapsExplainSchema>;

export const FeatureMapsReportSchema = z
  .object({
    type: z.literal('featureMaps.report'),
    requestId: z.string(),
    set: z.enum(['test', 'training']),
    sampleIndex: index,
    classes: z.array(z.string()),
    truth: z.number().int(),
    predicted: z.number().int(),
    /** The sample as the network reads it, C×H×W. */
    image: z.object({ shape, values: Float64ArraySchema }).strict(),
    layers: z.array(
      z
        .object({
          index,
          inputShape: shape,
          /** filters × height × width. */
          shape,
          kernel: z.number().int().positive(),
          stride: z.number().int().positive(),
          padding: z.enum(['valid', 'same']),
          /** False for a convolution whose bias is off. */
          bias: z.boolean(),
          before: Float64ArraySchema,
          activation: z.object({ index, type: z.string(), values: Float64ArraySchema }).strict().optional(),
        })
        .strict(),
    ),
    /** The first convolution's filters, filters × channels × k × k. */
    filters: z.object({ layer: index, shape, values: Float64ArraySchema }).strict().optional(),
    /** A few samples of each class to choose from: their indices, true and predicted classes, and pixels (C×H×W). */
    gallery: z.array(z.object({ sampleIndex: index, truth: z.number().int(), predicted: z.number().int(), values: Float64ArraySchema }).strict()),
  })
  .strict();
export type FeatureMapsReport = z.infer<typeof FeatureMapsReportSchema>;

export const FeatureMapsExplainedSchema = z
  .object({
    type: z.literal('featureMaps.explained'),
    requestId: z.string(),
    layer: index,
    filter: index,
    row: index,
    column: index,
    /** -1: the network's input; else the index of the layer whose output the window read. */
    source: z.number().int(),
    inputShape: shape,
    kernel: z.number().int().positive(),
    stride: z.number().int().positive(),
    /** The window's first row and column in its input (negative in the zero padding). */
    top: z.number().int(),
    left: z.number().int(),
    window: Float64ArraySchema,
    weights: Float64ArraySchema,
    channelSums: Float64ArraySchema,
    dot: z.number(),
    /** The filter's bias; null when the convolution has no bias. */
    bias: z.number().nullable(),
    sum: z.number(),
    value: z.number(),
    activation: z.object({ index, type: z.string(), value: z.number() }).strict().optional(),
  })
  .strict();
export type FeatureMapsExplained = z.infer<typeof FeatureMapsExplainedSchema>;
