// The analysis panel's asks (plain Node): the run's own data, split and normalisation, the path only when recorded, and which runs are digits or other images.
import { describe, expect, it } from 'vitest';
import { analysisAsk, hasDigitImages, landscapeAsk, sampleImageOf } from '../../../renderer/analysis/analysisRequest.js';
import type { FinishedRun } from '../../../renderer/models/finishedRun.js';

const spec = { input: 64, layers: [{ type: 'linear' as const, units: 1 }, { type: 'sigmoid' as const }] };
const run: FinishedRun = {
  runId: 'run-1',
  label: 'digits',
  spec,
  dataSet: 'digits-binary',
  hyper: { epochs: 3, learningRate: 0.01, batchSize: 10, reduction: 'sum', trainFraction: 0.5, seed: 7 },
  reason: 'completed',
  message: '',
  history: [],
  weights: {
    spec,
    parameters: [
      { layer: 0, name: 'W', shape: [64, 1], values: new Float64Array(64) },
      { layer: 0, name: 'b', shape: [1], values: new Float64Array(1) },
    ],
  },
  settings: { seed: 7, loss: 'bce', optimizer: { kind: 'sgd' }, normalisation: 'global' },
};

describe('analysisAsk and landscapeAsk', () => {
  it("analyses on the run's own split and normalisation, tracing the sample asked for", () => {
    expect(analysisAsk(run, 12)).toEqual({
      type: 'analysis.run',
      runId: 'run-1',
      weights: run.weights,
      sampleIndex: 12,
      data: { dataSet: 'digits-binary', trainFraction: 0.5, seed: 7, normalisation: 'global' },
    });
  });

  it("sends the recorded path, the span and the run's seed for the directions", () => {
    const path = [new Float64Array(65), new Float64Array(65)];
    expect(landscapeAsk({ ...run, parameterPath: path }, 0.5)).toMatchObject({
      type: 'landscape.run',
      runId: 'run-1',
      weights: run.weights,
      path,
      span: 0.5,
      resolution: 41,
      directionSeed: 7,
    });
    expect(landscapeAsk(run, 1)).not.toHaveProperty('path');
  });
});

describe('hasDigitImages', () => {
  it('is true for the digits read as 64 pixels only', () => {
    expect(hasDigitImages(run)).toBe(true);
    expect(hasDigitImages({ ...run, dataSet: 'iris', spec: { ...spec, input: 4 } })).toBe(false);
    expect(hasDigitImages({ ...run, dataSet: { kind: 'toy', name: 'moons', size: 100, noise: 0.1 } })).toBe(false);
  });
});

describe('sampleImageOf', () => {
  const fashion = { kind: 'images' as const, set: 'fashion-mnist' as const, trainSize: 1000, testSize: 200 };
  it("draws the digits as 8×8 images and an image data set's samples at their network's 1×H×W, or as a square", () => {
    expect(sampleImageOf(run)).toEqual({ width: 8, height: 8 });
    expect(sampleImageOf({ ...run, dataSet: fashion, spec: { ...spec, input: 784 } })).toEqual({ width: 28, height: 28 });
    expect(sampleImageOf({ ...run, dataSet: fashion, spec: { ...spec, input: 784, inputShape: [1, 28, 28] } })).toEqual({ width: 28, height: 28 });
  });

  it('draws no image for data that is not images, nor for images of several channels', () => {
    expect(sampleImageOf({ ...run, dataSet: 'iris', spec: { ...spec, input: 4 } })).toBeUndefined();
    expect(sampleImageOf({ ...run, dataSet: fashion, spec: { ...spec, input: 3 * 784, inputShape: [3, 28, 28] } })).toBeUndefined();
  });
});
