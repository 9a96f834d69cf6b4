// Answers featureMaps.run and featureMaps.explain: a trained convolutional network's feature maps for one sample, and how one of their values came about; pure, runs in the engine process.
import { analysedSet } from '../analysis/analyseNetwork.js';
import { cellIssue, explainCell } from '../analysis/cellExplanation.js';
import { convolutionIndices, featureMaps } from '../analysis/featureMaps.js';
import { classify, endsInProbabilities } from '../analysis/predictions.js';
import type { PreparedData, Samples } from '../data/dataSets.js';
import type { Network } from '../network/network.js';
import type { ErrorEvent } from '../protocol/errors.js';
import type { FeatureMapsExplain, FeatureMapsExplained, FeatureMapsReport, FeatureMapsRun } from '../protocol/featureMaps.js';
import type { TrainedWeights } from '../trainedWeights.js';
import { loadTrainedNetwork } from './analysisHandler.js';
import type { EngineContext } from './engineContext.js';

/** How many samples of each class the gallery shows. */
const GALLERY_PER_CLASS = 2;

type Loaded = { data: PreparedData; network: Network; weights: TrainedWeights; samples: Samples; set: 'test' | 'training'; features: Float64Array };

/** The run's network and the chosen sample, or the error naming what is wrong (no convolution, no such sample). */
async function loadSample(request: FeatureMapsRun | FeatureMapsExplain, context: EngineContext): Promise<Loaded | ErrorEvent> {
  const fail = (field: string, message: string): ErrorEvent => ({ type: 'error', requestId: request.requestId, field, message });
  const loaded = await loadTrainedNetwork(request, context);
  if ('type' in loaded) return loaded;
  const { data, weights } = loaded;
  if (convolutionIndices(weights).length === 0) return fail('weights', 'the network has no convolution layer, so it has no feature maps');
  const set = analysedSet(data);
  const samples = set === 'test' ? data.test : data.train;
  if (request.sampleIndex >= samples.size) {
    return fail('sampleIndex', `there is no ${set} sample ${request.sampleIndex}: the ${set} set has ${samples.size} samples (0 to ${samples.size - 1})`);
  }
  const features = samples.features.slice(request.sampleIndex * data.inputs, (request.sampleIndex + 1) * data.inputs);
  return { ...loaded, samples, set, features };
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
  const loaded = await loadSample(request, context);
  if ('type' in loaded) return loaded;
  const { data, network, weights, samples, set, features } = loaded;
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
}

/** The window, kernel, dot product, bias and activation behind one value of a feature map, with the forward pass's own values. */
export async function handleFeatureMapsExplain(request: FeatureMapsExplain, context: EngineContext): Promise<FeatureMapsExplained | ErrorEvent> {
  const loaded = await loadSample(request, context);
  if ('type' in loaded) return loaded;
  const { network, weights, features } = loaded;
  const cell = { layer: request.layer, filter: request.filter, row: request.row, column: request.column };
  const issue = cellIssue(weights, cell);
  if (issue) return { type: 'error', requestId: request.requestId, field: issue.field, message: issue.message };
  return { type: 'featureMaps.explained', requestId: request.requestId, ...explainCell(weights, network, features, cell) };
}
