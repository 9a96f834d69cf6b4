// Answers featureMaps.run and featureMaps.explain: a trained convolutional network's feature maps for one sample, and how one of their values came about; pure, runs in the engine process.
import { analysedSet } from '../analysis/analyseNetwork.js';
import { featureMapsCost } from '../budget/requestCost.js';
import { cellIssue, explainCell } from '../analysis/cellExplanation.js';
import { convolutionIndices, featureMaps } from '../analysis/featureMaps.js';
import { classify, endsInProbabilities } from '../analysis/predictions.js';
import type { PreparedData, Samples } from '../data/dataSets.js';
import type { Network } from '../network/network.js';
import type { ErrorEvent } from '../protocol/errors.js';
import type { FeatureMapsExplain, FeatureMapsExplained, FeatureMapsReport, FeatureMapsRun } from '../protocol/featureMaps.js';
import type { TrainedWeights } from '../trainedWeights.js';
import { loadTrainedData, rebuildNetwork } from './analysisHandler.js';
import type { EngineContext } from './engineContext.js';

/** How many samples of each class the gallery shows. */
const GALLERY_PER_CLASS = 2;

type Loaded = { data: PreparedData; network: Network; weights: TrainedWeights; samples: Samples; set: 'test' | 'training'; features: Float64Array };

/** How many samples the gallery of `samples` shows: GALLERY_PER_CLASS of each of `classes`, as far as the set has them. */
function galleryRows(samples: Samples, classes: number): number {
  return Math.min(samples.size, classes * GALLERY_PER_CLASS);
}

/**
 * Runs `work` on the run's network and the chosen sample with the request's cost (a pass over the sample, and over the
 * gallery when `withGallery`) held by the budget, or answers the error naming what is wrong: no convolution, no such
 * sample, over the budget (refused before the network is built).
 */
async function withSample<T>(
  request: FeatureMapsRun | FeatureMapsExplain,
  context: EngineContext,
  withGallery: boolean,
  work: (loaded: Loaded) => T,
): Promise<T | ErrorEvent> {
  const fail = (field: string, message: string): ErrorEvent => ({ type: 'error', requestId: request.requestId, field, message });
  const loaded = await loadTrainedData(request, context);
  if ('type' in loaded) return loaded;
  const { data, weights } = loaded;
  if (convolutionIndices(weights).length === 0) return fail('weights', 'the network has no convolution layer, so it has no feature maps');
  const set = analysedSet(data);
  const samples = set === 'test' ? data.test : data.train;
  if (request.sampleIndex >= samples.size) {
    return fail('sampleIndex', `there is no ${set} sample ${request.sampleIndex}: the ${set} set has ${samples.size} samples (0 to ${samples.size - 1})`);
  }
  const admitted = context.budget.admit(featureMapsCost(weights.spec, withGallery ? galleryRows(samples, data.classes.length) : 0));
  if ('issue' in admitted) return { type: 'error', requestId: request.requestId, code: 'over-budget', ...admitted.issue };
  try {
    const network = rebuildNetwork(request.requestId, weights, context);
    if ('type' in network) return network;
    const features = samples.features.slice(request.sampleIndex * data.inputs, (request.sampleIndex + 1) * data.inputs);
    return work({ data, weights, network, samples, set, features });
  } finally {
    admitted.release();
  }
}

/** The first GALLERY_PER_CLASS samples of each class, in the set's order, with what the network predicts for them. */
function gallery(network: Network, samples: Samples, inputs: number, classes: number): FeatureMapsReport['gallery'] {
  const chosen: number[] = [];
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < samples.size && chosen.length < classes * GALLERY_PER_CLASS; i++) {
    const label = samples.labels[i]!;
    if (counts[label]! < GALLERY_PER_CLASS) {
      counts[label]!++;
      chosen.push(i);
    }
  }
  const features = new Float64Array(chosen.length * inputs);
  chosen.forEach((sample, row) => features.set(samples.features.subarray(sample * inputs, (sample + 1) * inputs), row * inputs));
  const outputs = chosen.length ? network.forward(features, chosen.length) : new Float64Array(0);
  const { predicted } = classify(outputs, chosen.length, network.outputs, endsInProbabilities(network));
  return chosen.map((sample, row) => ({
    sampleIndex: sample,
    truth: samples.labels[sample]!,
    predicted: predicted[row]!,
    values: features.slice(row * inputs, (row + 1) * inputs),
  }));
}

/** Every convolution's feature maps for the chosen sample, the first convolution's filters, and a gallery of samples per class. */
export async function handleFeatureMaps(request: FeatureMapsRun, context: EngineContext): Promise<FeatureMapsReport | ErrorEvent> {
  return withSample(request, context, true, ({ data, network, weights, samples, set, features }): FeatureMapsReport => {
    const maps = featureMaps(weights, network, features);
    const { predicted } = classify(maps.output, 1, network.outputs, endsInProbabilities(network));
    return {
      type: 'featureMaps.report',
      requestId: request.requestId,
      set,
      sampleIndex: request.sampleIndex,
      classes: data.classes,
      truth: samples.labels[request.sampleIndex]!,
      predicted: predicted[0]!,
      image: maps.image,
      layers: maps.layers,
      ...(maps.filters ? { filters: maps.filters } : {}),
      gallery: gallery(network, samples, data.inputs, data.classes.length),
    };
  });
}

/** The window, kernel, dot product, bias and activation behind one value of a feature map, with the forward pass's own values. */
export async function handleFeatureMapsExplain(request: FeatureMapsExplain, context: EngineContext): Promise<FeatureMapsExplained | ErrorEvent> {
  const cell = { layer: request.layer, filter: request.filter, row: request.row, column: request.column };
  return withSample(request, context, false, ({ network, weights, features }): FeatureMapsExplained | ErrorEvent => {
    const issue = cellIssue(weights, cell);
    if (issue) return { type: 'error', requestId: request.requestId, field: issue.field, message: issue.message };
    return { type: 'featureMaps.explained', requestId: request.requestId, ...explainCell(weights, network, features, cell) };
  });
}
