// The extra input features of two-feature data: their values, their names, and how a run's data preparation adds them.
import { describe, expect, it } from 'vitest';
import { readAssetText } from '../../../engine/data/assetFiles.js';
import { createDataLoader } from '../../../engine/data/dataSets.js';
import { ExtraFeaturesSchema, expandFeatures, expandedFeatureNames } from '../../../engine/data/extraFeatures.js';

const loadData = createDataLoader(readAssetText);
const spiral = { kind: 'toy', name: 'spiral', size: 200, noise: 0 } as const;

describe('extra features', () => {
  it('appends x², y², xy, sin x and sin y to each row in a fixed order, whatever order they are named in', () => {
    const points = Float64Array.from([2, 3, -1, 0.5]);
    const expanded = expandFeatures(points, 2, ['siny', 'x2', 'xy', 'y2', 'sinx']);
    expect(Array.from(expanded.subarray(0, 7))).toEqual([2, 3, 4, 9, 6, Math.sin(2), Math.sin(3)]);
    expect(Array.from(expanded.subarray(7))).toEqual([-1, 0.5, 1, 0.25, -0.5, Math.sin(-1), Math.sin(0.5)]);
    expect(expandedFeatureNames(['x', 'y'], ['xy', 'x2'])).toEqual(['x', 'y', 'x²', 'x·y']);
  });

  it('refuses a feature named twice or a name it does not know', () => {
    expect(ExtraFeaturesSchema.safeParse(['x2', 'x2']).success).toBe(false);
    expect(ExtraFeaturesSchema.safeParse(['cos x']).error?.issues[0]?.message).toBe('unknown extra feature "cos x"; known: x2, y2, xy, sinx, siny');
  });

  it('are computed by the data preparation from the normalised x and y of both splits', async () => {
    const plain = await loadData(spiral, { trainFraction: 0.5, seed: 3 });
    const widened = await loadData(spiral, { trainFraction: 0.5, seed: 3, extraFeatures: ['x2', 'y2'] });
    expect(widened.inputs).toBe(4);
    expect(widened.featureNames).toEqual(['x', 'y', 'x²', 'y²']);
    expect(widened.extraFeatures).toEqual(['x2', 'y2']);
    for (const split of ['train', 'test'] as const) {
      const row = 7;
      const [x, y] = [plain[split].features[row * 2]!, plain[split].features[row * 2 + 1]!];
      expect(Array.from(widened[split].features.subarray(row * 4, row * 4 + 4))).toEqual([x, y, x * x, y * y]);
    }
  });

  it('are refused for data that has not two features, naming how many it has', async () => {
    await expect(loadData('iris', { trainFraction: 0.5, seed: 1, extraFeatures: ['xy'] })).rejects.toThrow(
      'extra features (x², y², xy, sin x, sin y) need data with 2 features, but iris has 4',
    );
  });
});
