// The analysis panel's asks (plain Node): the run's own data, split and normalisation, the path only when recorded, and which runs are digits.
import { describe, expect, it } from 'vitest';
import { analysisAsk, hasDigitImages, landscapeAsk } from '../../../renderer/analysis/analysisRequest.js';
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
