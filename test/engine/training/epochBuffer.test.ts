// The epoch buffer: the first epochs each at once, then a few flushes a second, and nothing held back at a flush.
import { describe, expect, it } from 'vitest';
import type { EpochMetrics } from '../../../engine/training/epochMetrics.js';
import { EpochBuffer } from '../../../engine/training/epochBuffer.js';

const epoch = (n: number): EpochMetrics => ({ epoch: n, trainLoss: 1 / n, trainAccuracy: 0.5, testLoss: 1 / n, testAccuracy: 0.5 });

describe('the epoch buffer', () => {
  it('hands on the first epochs one by one, then those of each interval together', () => {
    const flushed: number[][] = [];
    const buffer = new EpochBuffer((epochs) => flushed.push(epochs.map((m) => m.epoch)), 250, 2);
    buffer.add(epoch(1), 0);
    buffer.add(epoch(2), 1);
    for (let n = 3; n <= 6; n++) buffer.add(epoch(n), 100 + n);
    expect(flushed).toEqual([[1], [2]]);
    buffer.flushIfDue(200);
    expect(flushed).toHaveLength(2);
    buffer.flushIfDue(251);
    expect(flushed).toEqual([[1], [2], [3, 4, 5, 6]]);
    buffer.add(epoch(7), 300);
    buffer.add(epoch(8), 510);
    expect(flushed.at(-1)).toEqual([7, 8]);
  });

  it('hands on what it holds when flushed, however recent the last flush, and nothing when it holds none', () => {
    const flushed: number[][] = [];
    const buffer = new EpochBuffer((epochs) => flushed.push(epochs.map((m) => m.epoch)), 250, 0);
    buffer.add(epoch(1), 0);
    buffer.add(epoch(2), 10);
    buffer.flush(11);
    buffer.flush(12);
    expect(flushed).toEqual([[1], [2]]);
  });
});
