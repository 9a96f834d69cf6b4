// The feature-map view's asks and helpers (plain Node): which runs have maps, the asks sent, maps sliced from C×H×W values, numbers and windows as shown.
import { describe, expect, it } from 'vitest';
import { cellNumber, explainAsk, featureMapsAsk, hasConvolution, mapAt, sumNumber, windowPlace } from '../../../renderer/analysis/featureMapsRequest.js';
import type { FinishedRun } from '../../../renderer/models/finishedRun.js';

const spec = {
  input: 64,
  inputShape: [1, 8, 8],
  layers: [{ type: 'conv2d' as const, filters: 2, kernel: 3 }, { type: 'flatten' as const }, { type: 'linear' as const, units: 10 }],
};
const run = {
  runId: 'r7',
  spec,
  dataSet: 'digits',
  hyper: { trainFraction: 0.5, seed: 4 },
  settings: { normalisation: 'global' },
  weights: { spec, parameters: [] },
} as unknown as FinishedRun;

describe('feature-map asks', () => {
  it('finds maps only in a network with a convolution', () => {
    expect(hasConvolution(spec)).toBe(true);
    expect(hasConvolution({ input: 64, layers: [{ type: 'linear', units: 10 }] })).toBe(false);
  });

  it("asks about the run's own test set by its id, with its weights for an engine that no longer has them", () => {
    expect(featureMapsAsk(run, 12)).toEqual({
      type: 'featureMaps.run',
      runId: 'r7',
      weights: run.weights,
      data: { dataSet: 'digits', trainFraction: 0.5, seed: 4, normalisation: 'global' },
      sampleIndex: 12,
    });
    expect(explainAsk(run, 12, { layer: 0, filter: 1, row: 2, column: 3 })).toMatchObject({
      type: 'featureMaps.explain',
      sampleIndex: 12,
      layer: 0,
      filter: 1,
      row: 2,
      column: 3,
    });
  });
});

describe('feature-map helpers', () => {
  it('slices map i of C×H×W values', () => {
    const values = Float64Array.from({ length: 2 * 2 * 3 }, (_, i) => i);
    expect(Array.from(mapAt(values, [2, 2, 3], 1))).toEqual([6, 7, 8, 9, 10, 11]);
  });

  it('writes grid numbers with three significant digits and sums with six', () => {
    expect([cellNumber(0), cellNumber(1.23456), cellNumber(-0.000123), cellNumber(12345)]).toEqual(['0', '1.23', '-1.2e-4', '1.2e+4']);
    expect([sumNumber(1.23456789), sumNumber(-0.157513042)]).toEqual(['1.23457', '-0.157513']);
  });

  it('says where a window lies, and when part of it is in the zero padding', () => {
    expect(windowPlace(3, 2, 3, 8, 8)).toBe('rows 3–5, columns 2–4');
    expect(windowPlace(-1, -1, 3, 8, 8)).toBe('rows -1–1, columns -1–1 (partly in the zero padding around the input)');
  });
});
