// The first Linear layer's weights as one image per unit, when the input is a square image (64 = 8×8); pure, any process.
import type { TrainedWeights } from '../spec.js';

/** One row-major image per unit of the first Linear layer: pixel (r, c) is the weight from input r·width + c. */
export interface LayerImages {
  width: number;
  height: number;
  images: Float64Array[];
}

/**
 * The weights feeding each unit of the first Linear layer (column u of W) laid out as a width×height image, row-major
 * as the digits' p{r}{c} columns are; undefined when there is no Linear layer or the input width is not a perfect
 * square of at least 2×2.
 */
export function firstLayerImages(weights: TrainedWeights): LayerImages | undefined {
  const first = [...weights.layers].sort((a, b) => a.index - b.index)[0];
  if (!first) return undefined;
  const side = Math.round(Math.sqrt(first.inputs));
  if (side < 2 || side * side !== first.inputs) return undefined;
  const images = Array.from({ length: first.units }, (_, unit) => {
    const image = new Float64Array(first.inputs);
    for (let pixel = 0; pixel < first.inputs; pixel++) image[pixel] = first.W[pixel * first.units + unit]!;
    return image;
  });
  return { width: side, height: side, images };
}
