// The asks the analysis panel sends about a finished run (renderer): the run's data as the engine analyses it, and whether its inputs are 8×8 digits.
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
