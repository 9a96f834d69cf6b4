// The learning curves' series (plain Node): which points and dots a run's curves get, and the y axis over them.
import { describe, expect, it } from 'vitest';
import { EpochHistory } from '../../../renderer/training/epochHistory.js';
import { MAX_EPOCH_POINTS, curvesYDomain, dottedCurves, epochSeries } from '../../../renderer/charts/learningCurveSeries.js';

const epochs = (n: number) =>
  EpochHistory.EMPTY.append(
    Array.from({ length: n }, (_, i) => ({
      epoch: i + 1,
      trainLoss: 1 / (i + 1),
      trainAccuracy: 0.5 + i / (2 * n),
      testLoss: 1.2 / (i + 1),
      testAccuracy: 0.4 + i / (2 * n),
    })),
  );

describe('learning curve series', () => {
  it('dots a short run, and a long run only once it no longer trains', () => {
    expect(dottedCurves(25, 25, true)).toBe(true);
    expect(dottedCurves(25, 100_000, true)).toBe(false);
    expect(dottedCurves(25, 100_000, false)).toBe(true);
    expect(dottedCurves(MAX_EPOCH_POINTS + 1, MAX_EPOCH_POINTS + 1, false)).toBe(false);
    const undotted = epochSeries(epochs(25), 'loss', Infinity, false);
    expect(undotted.map((s) => s.dots)).toEqual([false, false]);
    expect(undotted[0]!.points).toHaveLength(25);
    expect(epochSeries(epochs(25), 'loss').map((s) => s.dots)).toEqual([true, true]);
  });

  it('spans the loss axis to the largest loss and the accuracy axis from the tenth below the lowest', () => {
    const history = epochs(40);
    expect(curvesYDomain('loss', epochSeries(history, 'loss'))).toEqual([0, 1.2]);
    expect(curvesYDomain('loss', epochSeries(history, 'loss'), 'log')).toEqual([1 / 40, 1.2]);
    expect(curvesYDomain('accuracy', epochSeries(history, 'accuracy'))).toEqual([0.4, 1]);
    expect(curvesYDomain('loss', [{ points: [{ x: 1, y: Number.NaN }] }], 'log')).toEqual([0.1, 1]);
    expect(curvesYDomain('loss', [])).toEqual([0, 1]);
  });
});
