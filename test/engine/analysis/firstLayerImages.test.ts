// The first Linear layer's weights as images: one per unit, row-major like the digits' p{r}{c} columns.
import { describe, expect, it } from 'vitest';
import { firstLayerImages } from '../../../engine/analysis/firstLayerImages.js';
import type { TrainedWeights } from '../../../engine/trainedWeights.js';
import { linearTensors } from '../support/linearTensors.js';

function weightsOf(inputs: number, units: number): TrainedWeights {
  // W[k][u] = 100·k + u, so each value says which input and unit it connects.
  const W = Float64Array.from({ length: inputs * units }, (_, i) => 100 * Math.floor(i / units) + (i % units));
  return {
    spec: { input: inputs, layers: [{ type: 'linear', units }, { type: 'sigmoid' }] },
    parameters: linearTensors(0, inputs, units, W, new Float64Array(units)),
  };
}

describe('firstLayerImages', () => {
  it('gives one 8×8 image per unit for 64 inputs, pixel (r, c) being input r·8 + c', () => {
    const images = firstLayerImages(weightsOf(64, 3))!;
    expect(images.width).toBe(8);
    expect(images.height).toBe(8);
    expect(images.images).toHaveLength(3);
    for (const [unit, image] of images.images.entries()) {
      expect(image).toHaveLength(64);
      for (let r = 0; r < 8; r++) for (let c = 0; c < 8; c++) expect(image[r * 8 + c]).toBe(100 * (r * 8 + c) + unit);
    }
  });

  it('gives no images when the input width is not a square', () => {
    expect(firstLayerImages(weightsOf(13, 2))).toBeUndefined();
  });

  it('uses the first linear layer by spec index whatever order the weights list them in', () => {
    const weights = weightsOf(16, 2);
    weights.spec.layers = [{ type: 'linear', units: 2 }, { type: 'relu' }, { type: 'linear', units: 1 }];
    weights.parameters.unshift(...linearTensors(2, 2, 1, new Float64Array(2), new Float64Array(1)));
    const images = firstLayerImages(weights)!;
    expect([images.width, images.images.length]).toEqual([4, 2]);
    expect(images.images[1]![5]).toBe(501);
  });

  it("gives a flattened 28×28 image's weights as 28×28 images, and none when a convolution comes first", () => {
    const weights = weightsOf(784, 2);
    weights.spec.layers = [{ type: 'flatten' }, { type: 'linear', units: 2 }];
    weights.parameters = linearTensors(1, 784, 2, weights.parameters[0]!.values, new Float64Array(2));
    expect(firstLayerImages(weights)).toMatchObject({ width: 28, height: 28 });
    weights.spec.layers = [
      { type: 'conv2d', filters: 1, kernel: 1, stride: 1, padding: 'valid' },
      { type: 'linear', units: 2 },
    ];
    expect(firstLayerImages(weights)).toBeUndefined();
  });
});
