// The asks the analysis panel sends about a finished run (renderer): the run's data as the engine analyses it, and whether its inputs are images (the 8×8 digits, an image data set's).
import type { AnalysisRun } from '../../engine/protocol/analysis.js';
import type { LandscapeRun } from '../../engine/protocol/landscape.js';
import type { FinishedRun } from '../models/finishedRun.js';

/** The side of the digits' square images: 64 features are the pixels p{r}{c} of an 8×8 image, row-major. */
export const DIGIT_SIDE = 8;

/** The same data source, split, normalisation and extra features the run trained on, so the test set is the run's own. */
export function analysedData(run: FinishedRun): AnalysisRun['data'] {
  return {
    dataSet: run.dataSet,
    trainFraction: run.hyper.trainFraction,
    seed: run.hyper.seed,
    normalisation: run.settings.normalisation,
    ...(run.hyper.extraFeatures?.length ? { extraFeatures: run.hyper.extraFeatures } : {}),
  };
}

/** analysis.run for the run (its weights are left out on the way when the engine still has them), tracing test sample `sampleIndex`. */
export function analysisAsk(run: FinishedRun, sampleIndex: number): Omit<AnalysisRun, 'requestId'> {
  return { type: 'analysis.run', runId: run.runId, weights: run.weights, data: analysedData(run), sampleIndex };
}

/** landscape.run over ±span around the trained weights, with the run's recorded path when there is one. */
export function landscapeAsk(run: FinishedRun, span: number, resolution = 41): Omit<LandscapeRun, 'requestId'> {
  return {
    type: 'landscape.run',
    runId: run.runId,
    weights: run.weights,
    data: analysedData(run),
    ...(run.parameterPath?.length ? { path: run.parameterPath } : {}),
    resolution,
    span,
    directionSeed: run.hyper.seed,
  };
}

/** True when the run's inputs are the digits' 8×8 pixels, so samples and weights can be drawn as images. */
export function hasDigitImages(run: FinishedRun): boolean {
  return (run.dataSet === 'digits' || run.dataSet === 'digits-binary') && run.spec.input === DIGIT_SIDE * DIGIT_SIDE;
}

/** The width and height of one input image. */
export interface ImageSize {
  width: number;
  height: number;
}

/**
 * The size of the run's inputs drawn as one-channel images: the digits' 8×8, or an image data set's H×W (from the
 * network's 1×H×W input, else a square input); undefined for data that is not images.
 */
export function sampleImageOf(run: FinishedRun): ImageSize | undefined {
  if (hasDigitImages(run)) return { width: DIGIT_SIDE, height: DIGIT_SIDE };
  if (typeof run.dataSet !== 'object' || run.dataSet.kind !== 'images') return undefined;
  const shape = run.spec.inputShape;
  if (shape?.length === 3) return shape[0] === 1 && shape[1]! * shape[2]! === run.spec.input ? { width: shape[2]!, height: shape[1]! } : undefined;
  const side = Math.round(Math.sqrt(run.spec.input));
  return side > 1 && side * side === run.spec.input ? { width: side, height: side } : undefined;
}
