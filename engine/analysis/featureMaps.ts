// Inside a trained convolutional network for one sample: each convolution's feature maps before and after its activation, and the first convolution's filters; pure, any process.
import type { Conv2DSpec } from '../layers/conv2dDefinition.js';
import { definitionOf } from '../layers/registry.js';
import { fittedLayers } from '../network/fittedLayers.js';
import type { Network } from '../network/network.js';
import { findTensor, type TrainedWeights } from '../trainedWeights.js';
import { layerActivations } from './layerActivations.js';

/** One convolution's feature maps for the sample: one H×W map per filter, row-major, filter after filter (NCHW). */
export interface ConvolutionMaps {
  /** The convolution's index in the spec's layers, counted from 0. */
  index: number;
  /** The shape of what it reads, channels × height × width. */
  inputShape: number[];
  /** The shape of what it gives: filters × height × width. */
  shape: number[];
  kernel: number;
  stride: number;
  padding: 'valid' | 'same';
  /** Whether it adds a bias per filter (false when its bias is off). */
  bias: boolean;
  /** Its output as the forward pass gives it: the window's dot product with each filter, plus the filter's bias (if any). */
  before: Float64Array;
  /** The elementwise activation right after it (a ReLU, …) and that layer's output, when the next layer is one. */
  activation?: { index: number; type: string; values: Float64Array };
}

/** The filters of the first convolution: filters × channels × k × k, as its W holds them. */
export interface ConvolutionFilters {
  layer: number;
  shape: number[];
  values: Float64Array;
}

export interface FeatureMaps {
  /** The sample as the network reads it: its C×H×W shape and values. */
  image: { shape: number[]; values: Float64Array };
  layers: ConvolutionMaps[];
  filters?: ConvolutionFilters;
  /** The network's output for the sample. */
  output: Float64Array;
}

/** The indices of the spec's convolution layers, in order. */
export function convolutionIndices(weights: Pick<TrainedWeights, 'spec'>): number[] {
  return weights.spec.layers.flatMap((layer, index) => (layer.type === 'conv2d' ? [index] : []));
}

/**
 * Runs `features` (one sample) through `network` (built from `weights`, in evaluation mode) and gathers what each
 * convolution gave, before and after the elementwise activation that follows it, and the first convolution's filters.
 * @throws RangeError when the sample's width is not the network's input width.
 */
export function featureMaps(weights: TrainedWeights, network: Network, features: Float64Array): FeatureMaps {
  const outputs = layerActivations(network, features);
  const traced = fittedLayers(weights.spec).layers;
  const layers = convolutionIndices(weights).map((index): ConvolutionMaps => {
    const spec = weights.spec.layers[index] as Conv2DSpec;
    const next = weights.spec.layers[index + 1];
    const maps: ConvolutionMaps = {
      index,
      inputShape: [...traced[index]!.inputShape],
      shape: [...traced[index]!.outputShape],
      kernel: spec.kernel,
      stride: spec.stride ?? 1,
      padding: spec.padding ?? 'valid',
      bias: findTensor(weights, index, 'b') !== undefined,
      before: outputs[index]!.values,
    };
    if (next && definitionOf(next).activation) maps.activation = { index: index + 1, type: next.type, values: outputs[index + 1]!.values };
    return maps;
  });
  const first = layers[0];
  const W = first ? findTensor(weights, first.index, 'W') : undefined;
  return {
    image: { shape: [...(traced[0]?.inputShape ?? [features.length])], values: features.slice() },
    layers,
    ...(first && W ? { filters: { layer: first.index, shape: [...W.shape], values: W.values.slice() } } : {}),
    output: outputs[outputs.length - 1]!.values,
  };
}
