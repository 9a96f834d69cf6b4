// The first Linear layer's weights as one image per unit, when it reads a square image (64 = 8×8, 784 = 28×28); pure, any process.
import { findTensor, type TrainedWeights } from '../trainedWeights.js';

/** One row-major image per unit of the first Linear layer: pixel (r, c) is the weight from input r·width + c. */
export interface LayerImages {
  width: number;
  height: number;
  images: Float64Array[];
}

/**
 * The weights feeding each unit of the first Linear layer (column u of its W, [inputs, units]) laid out as a
 * width×height image, row-major as the digits' p{r}{c} columns are; undefined when there is no Linear layer, when a
 * layer other than flatten comes before it (its inputs are then feature maps, not the image's pixels), or when the
 * input width is not a perfect square of at least 2×2.
 */
export function firstLayerImages(weights: TrainedWeights): LayerImages | undefined {
  const index = weights.spec.layers.findIndex((layer) => layer.type === 'linear');
  if (weights.spec.layers.slice(0, Math.max(0, index)).some((layer) => layer.type !== 'flatten')) return undefined;
  const W = index < 0 ? undefined : findTensor(weights, index, 'W');
  if (!W) return undefined;
  const [inputs, units] = W.shape as [number, number];
  const side = Math.round(Math.sqrt(inputs));
  if (side < 2 || side * side !== inputs) return undefined;
  const images = Array.from({ length: units }, (_, unit) => {
    const image = new Float64Array(inputs);
    for (let pixel = 0; pixel < inputs; pixel++) image[pixel] = W.values[pixel * units + unit]!;
    return image;
  });
  return { width: side, height: side, images };
}
