// Everything the analysis view shows about a trained network on its test set, gathered in one report; pure, any process.
import type { PreparedData } from '../data/dataSets.js';
import type { Kernels } from '../kernels/kernels.js';
import { defaultKernels } from '../kernels/defaultKernels.js';
import { createLoss } from '../losses/createLoss.js';
import { defaultLossFor } from '../losses/lossRules.js';
import type { AnalysisReport } from '../protocol/analysis.js';
import type { TrainedWeights } from '../trainedWeights.js';
import { confusionMatrix } from './confusionMatrix.js';
import { firstLayerImages } from './firstLayerImages.js';
import { layerActivations } from './layerActivations.js';
import { collapseLinearRuns } from './linearCollapse.js';
import { networkFromWeights } from './networkFromWeights.js';
import { predictSamples, type Predictions } from './predictions.js';
import { inputSaliency } from './saliency.js';

export type Analysis = Omit<AnalysisReport, 'type' | 'requestId'>;

/** The samples a network is analysed on: its test set, or its training set when the run kept no test set (train fraction 1). */
export function analysedSet(data: Pick<PreparedData, 'test'>): 'test' | 'training' {
  return data.test.size > 0 ? 'test' : 'training';
}

/**
 * Analyses `weights` on the test set of `data` (which they must fit; the training set when there is no test set): the confusion matrix and per-sample predictions,
 * the test sample `sampleIndex` traced through every layer with its saliency under the network's default loss, the
 * first layer's weights as images, and the linear collapse.
 * @throws RangeError when sampleIndex is not an index into the test set.
 */
export function analyseNetwork(
  weights: TrainedWeights,
  data: PreparedData,
  sampleIndex = 0,
  kernels: Kernels = defaultKernels,
  /** The analysed set's predictions when the caller has made them already (time-sliced). */
  made?: Predictions,
): Analysis {
  const { inputs, outputs } = data;
  const set = analysedSet(data);
  const test = data[set === 'test' ? 'test' : 'train'];
  if (sampleIndex >= test.size) throw new RangeError(`sample ${sampleIndex} does not exist: the ${set} set has ${test.size} samples (0 to ${test.size - 1})`);
  const network = networkFromWeights(weights, kernels);
  const predictions = made ?? predictSamples(network, test);
  const features = test.features.slice(sampleIndex * inputs, (sampleIndex + 1) * inputs);
  const target = test.targets.slice(sampleIndex * outputs, (sampleIndex + 1) * outputs);
  const images = firstLayerImages(weights);
  return {
    classes: data.classes,
    featureNames: data.featureNames,
    set,
    confusion: confusionMatrix(predictions.truth, predictions.predicted, data.classes.length),
    predictions,
    sample: {
      index: sampleIndex,
      features,
      truth: test.labels[sampleIndex]!,
      layers: layerActivations(network, features),
      saliency: inputSaliency(network, createLoss(defaultLossFor(weights.spec)), features, target),
    },
    ...(images ? { firstLayerImages: images } : {}),
    linearCollapse: collapseLinearRuns(weights, kernels),
  };
}
