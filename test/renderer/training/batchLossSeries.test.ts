// The minibatch loss curve's thinning (plain Node): every drawn value is the mean of real consecutive batches, never made up.
import { describe, expect, it } from 'vitest';
import { EMPTY_BATCH_LOSSES, appendBatchLosses, batchLossPoints } from '../../../renderer/training/batchLossSeries.js';

const ramp = (n: number, from = 1) => Float64Array.from({ length: n }, (_, i) => from + i);

describe('appendBatchLosses', () => {
  it("keeps one point per minibatch while there are few, at the batch's own number", () => {
    let series = appendBatchLosses(EMPTY_BATCH_LOSSES, 1, [0.5, 0.4]);
    series = appendBatchLosses(series, 3, [0.3]);
    expect(series.lastBatch).toBe(3);
    expect(batchLossPoints(series)).toEqual([
      { x: 1, y: 0.5 },
      { x: 2, y: 0.4 },
      { x: 3, y: 0.3 },
    ]);
  });

  it('averages pairs of neighbours when the points would exceed the limit, and the mean of all batches is kept', () => {
    const losses = ramp(25);
    const series = appendBatchLosses(EMPTY_BATCH_LOSSES, 1, losses, 10);
    const points = batchLossPoints(series);
    expect(points.length).toBeLessThanOrEqual(10);
    expect(points.length).toBeGreaterThanOrEqual(5);
    expect(series.bucketSize).toBe(4);
    // Batches 1..4 have losses 1..4: the first point is their mean, placed at their middle.
    expect(points[0]).toEqual({ x: 2.5, y: 2.5 });
    const weighted = series.buckets.reduce((sum, b) => sum + b.sum, 0);
    expect(weighted).toBe(losses.reduce((a, b) => a + b, 0));
    expect(series.buckets.at(-1)!.last).toBe(25);
  });

  it('gives the same points whether the batches come in one message or in many', () => {
    const whole = appendBatchLosses(EMPTY_BATCH_LOSSES, 1, ramp(1000), 64);
    let pieces = EMPTY_BATCH_LOSSES;
    for (let first = 1; first <= 1000; first += 37) pieces = appendBatchLosses(pieces, first, ramp(Math.min(37, 1001 - first), first), 64);
    expect(batchLossPoints(pieces)).toEqual(batchLossPoints(whole));
  });

  it('draws at most about 2000 points for a very long run', () => {
    let series = EMPTY_BATCH_LOSSES;
    for (let first = 1; first <= 100_000; first += 500) series = appendBatchLosses(series, first, new Float64Array(500).fill(0.25));
    const points = batchLossPoints(series);
    expect(points.length).toBeLessThanOrEqual(2000);
    expect(points.length).toBeGreaterThan(1000);
    expect(points.every((p) => p.y === 0.25)).toBe(true);
  });

  it("leaves a gap where a minibatch's loss was not finite instead of a number", () => {
    const series = appendBatchLosses(EMPTY_BATCH_LOSSES, 1, [0.5, Number.NaN]);
    const points = batchLossPoints(series);
    expect(points[0]!.y).toBe(0.5);
    expect(points[1]!.y).toBeNaN();
  });
});
