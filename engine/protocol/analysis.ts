// The analysis family of the protocol: a trained network's confusion, predictions, activations, saliency and collapse; pure.
import { z } from 'zod';
import { TrainedWeightsSchema } from '../trainedWeights.js';
import { AnalysedDataSchema } from './analysedData.js';
import { Float64ArraySchema, Int32ArraySchema } from './typedArrays.js';

/** Confusion matrix, predictions, one sample's activations and saliency, first-layer images, linear collapse. */
export const AnalysisRunSchema = z
  .object({
    type: z.literal('analysis.run'),
    requestId: z.string().min(1),
    /** The finished run whose weights the engine keeps; without `weights` an engine that no longer has them answers code "unknown-run". */
    runId: z.string().min(1).optional(),
    /** The trained weights, sent when the engine does not have the run (kept under `runId` when one is given). */
    weights: TrainedWeightsSchema.optional(),
    data: AnalysedDataSchema,
    /** Which test sample to trace through the network (index into the test set). */
    sampleIndex: z.number().int().nonnegative().optional(),
  })
  .strict();
export type AnalysisRun = z.infer<typeof AnalysisRunSchema>;

export const AnalysisReportSchema = z
  .object({
    type: z.literal('analysis.report'),
    requestId: z.string(),
    classes: z.array(z.string()),
    /** The name of each input feature, in the order of a sample's features. */
    featureNames: z.array(z.string()),
    /** The samples analysed: the test set, or the training set of a run without one. */
    set: z.enum(['test', 'training']),
    /** confusion[t][p]: test samples of true class t predicted as p. */
    confusion: z.array(z.array(z.number().int())),
    /** Per test sample: true class, predicted class, the predicted class's probability. */
    predictions: z.object({ truth: Int32ArraySchema, predicted: Int32ArraySchema, confidence: Float64ArraySchema }).strict(),
    /** The traced sample: its features, every layer's output, and |dLoss/dInput|. */
    sample: z
      .object({
        index: z.number().int(),
        features: Float64ArraySchema,
        truth: z.number().int(),
        layers: z.array(z.object({ index: z.number().int(), type: z.string(), values: Float64ArraySchema }).strict()),
        saliency: Float64ArraySchema,
      })
      .strict(),
    /** The first Linear layer's weights, one image per unit, when the input is a square image (64 = 8×8). */
    firstLayerImages: z
      .object({ width: z.number().int(), height: z.number().int(), images: z.array(Float64ArraySchema) })
      .strict()
      .optional(),
    /** Runs of consecutive Linear layers with no nonlinearity between them, and the single Linear layer each run equals. */
    linearCollapse: z.array(
      z
        .object({
          from: z.number().int(),
          to: z.number().int(),
          inputs: z.number().int(),
          units: z.number().int(),
          W: Float64ArraySchema,
          b: Float64ArraySchema,
        })
        .strict(),
    ),
  })
  .strict();
export type AnalysisReport = z.infer<typeof AnalysisReportSchema>;
