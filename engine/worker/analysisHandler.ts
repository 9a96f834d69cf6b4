// Answers analysis.run: a trained network analysed on the test set of the data it was trained on; pure, runs in the engine process.
import { analyseNetwork, analysedSet } from '../analysis/analyseNetwork.js';
import { analysisCost } from '../budget/requestCost.js';
import { networkFromWeights } from '../analysis/networkFromWeights.js';
import { predictSamplesSliced } from '../analysis/predictions.js';
import { weightsMismatchForData } from '../analysis/weightsMismatchForData.js';
import type { PreparedData } from '../data/dataSets.js';
import { WeightsMismatchError } from '../network/loadWeights.js';
import type { Network } from '../network/network.js';
import type { AnalysisReport, AnalysisRun } from '../protocol/analysis.js';
import type { ErrorEvent } from '../protocol/errors.js';
import type { LandscapeRun } from '../protocol/landscape.js';
import type { TrainedWeights } from '../trainedWeights.js';
import type { EngineContext } from './engineContext.js';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Loads the request's data (the same source, split and normalisation as the run) and checks the weights (sent, or
 * filled in from the kept run before the handler runs) against it, or answers an error naming `data` or `weights`.
 */
export async function loadTrainedData(
  request: Pick<AnalysisRun | LandscapeRun, 'requestId' | 'weights' | 'data'>,
  context: Pick<EngineContext, 'loadData'>,
): Promise<{ data: PreparedData; weights: TrainedWeights } | ErrorEvent> {
  const fail = (field: string, message: string): ErrorEvent => ({ type: 'error', requestId: request.requestId, field, message });
  const { weights } = request;
  if (!weights) return fail('weights', 'send the trained weights, or the runId of a finished run');
  const { dataSet, trainFraction, seed, normalisation, extraFeatures } = request.data;
  let data: PreparedData;
  try {
    data = await context.loadData(dataSet, { trainFraction, seed, normalisation, extraFeatures });
  } catch (error) {
    return fail('data', `cannot load the data: ${messageOf(error)}`);
  }
  const mismatch = weightsMismatchForData(weights, data);
  if (mismatch) return fail('weights', mismatch);
  return { data, weights };
}

/** The network of `weights`, built in the context's kernels, or an error naming the field of the weights at fault. */
export function rebuildNetwork(requestId: string, weights: TrainedWeights, context: Pick<EngineContext, 'kernels'>): Network | ErrorEvent {
  try {
    return networkFromWeights(weights, context.kernels);
  } catch (error) {
    return { type: 'error', requestId, field: error instanceof WeightsMismatchError ? `weights.${error.field}` : 'weights', message: messageOf(error) };
  }
}

/** The confusion matrix, predictions, one sample traced with its saliency, first-layer images and the linear collapse. */
export async function handleAnalysis(request: AnalysisRun, context: EngineContext): Promise<AnalysisReport | ErrorEvent> {
  const loaded = await loadTrainedData(request, context);
  if ('type' in loaded) return loaded;
  const { data, weights } = loaded;
  const sampleIndex = request.sampleIndex ?? 0;
  const set = analysedSet(data);
  const samples = data[set === 'test' ? 'test' : 'train'];
  if (sampleIndex >= samples.size) {
    return {
      type: 'error',
      requestId: request.requestId,
      field: 'sampleIndex',
      message: `there is no ${set} sample ${sampleIndex}: the ${set} set has ${samples.size} samples (0 to ${samples.size - 1})`,
    };
  }
  // Costed before the network is rebuilt, as every request is before it allocates.
  const admitted = context.budget.admit(analysisCost(weights.spec, samples.size));
  if ('issue' in admitted) return { type: 'error', requestId: request.requestId, code: 'over-budget', ...admitted.issue };
  try {
    const network = rebuildNetwork(request.requestId, weights, context);
    if ('type' in network) return network;
    // The predictions of a whole test set take seconds for images through a convnet: made in slices, so the engine keeps
    // answering, and once per run and data, so tracing one more sample does not predict the whole set again.
    const predictions = await context.predictions.of(weights, JSON.stringify(request.data), () =>
      predictSamplesSliced(network, samples, context.work.slicer()),
    );
    return { type: 'analysis.report', requestId: request.requestId, ...analyseNetwork(weights, data, sampleIndex, context.kernels, predictions) };
  } finally {
    admitted.release();
  }
}
