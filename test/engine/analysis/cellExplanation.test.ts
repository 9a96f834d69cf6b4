// A feature-map value of a convolution with its bias off explained: no bias (null), the dot product alone, equal to the forward pass.
import { describe, expect, it } from 'vitest';
import { explainCell } from '../../../engine/analysis/cellExplanation.js';
import { featureMaps } from '../../../engine/analysis/featureMaps.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { FeatureMapsExplainedSchema } from '../../../engine/protocol/featureMaps.js';
import { createRandom } from '../../../engine/random.js';
import type { NetworkSpec } from '../../../engine/spec.js';
import { findTensor } from '../../../engine/trainedWeights.js';

const SPEC: NetworkSpec = {
  input: 2 * 6 * 6,
  inputShape: [2, 6, 6],
  layers: [{ type: 'conv2d', filters: 3, kernel: 3, padding: 'same', bias: false }, { type: 'tanh' }, { type: 'flatten' }, { type: 'linear', units: 2 }],
};

describe('explaining a cell of a convolution without bias', () => {
  it('gives no bias, a sum that is the dot product, and the value the forward pass gives, before and after the activation', () => {
    const network = buildNetwork(SPEC, createRandom(3));
    const weights = network.trainedWeights();
    expect(findTensor(weights, 0, 'b')).toBeUndefined();
    const features = Float64Array.from({ length: SPEC.input }, (_, i) => Math.cos(0.7 * i));
    const cell = { layer: 0, filter: 1, row: 2, column: 5 };
    const explained = explainCell(weights, network, features, cell);
    expect(explained.bias).toBeNull();
    expect(explained.sum).toBe(explained.dot);
    const W = findTensor(weights, 0, 'W')!.values;
    const dot = explained.window.reduce((sum, value, i) => sum + value * W[18 + i]!, 0);
    expect(explained.dot).toBeCloseTo(dot, 12);
    expect(Math.abs(explained.value - explained.sum)).toBeLessThan(1e-12);
    expect(explained.activation).toEqual({ index: 1, type: 'tanh', value: Math.tanh(explained.value) });
    const event = { type: 'featureMaps.explained', requestId: 'r', ...explained };
    expect(FeatureMapsExplainedSchema.safeParse(event).success).toBe(true);
    expect(featureMaps(weights, network, features).layers.map((layer) => layer.bias)).toEqual([false]);
  });
});
