// The buffer of minibatch losses: every loss once, in order, a few times a second, with the samples trained per second.
import { describe, expect, it } from 'vitest';
import { BatchLossBuffer } from '../../../engine/training/batchLosses.js';

interface Flush {
  first: number;
  losses: number[];
  samplesPerSecond: number | undefined;
}

function buffered(capacity: number, maxCapacity: number) {
  const flushes: Flush[] = [];
  const buffer = new BatchLossBuffer(
    (first, losses, samplesPerSecond) => flushes.push({ first, losses: Array.from(losses), samplesPerSecond }),
    250,
    0,
    10,
    capacity,
    maxCapacity,
  );
  return { buffer, flushes };
}

describe('the minibatch loss buffer', () => {
  it('reports the samples per second over the time since the last flush', () => {
    const { buffer, flushes } = buffered(8, 1024);
    for (let batch = 1; batch <= 50; batch++) buffer.add(batch, batch * 5);
    // Flushed at 250 ms (50 batches of 10 samples in 250 ms: 2000 a second).
    expect(flushes).toHaveLength(1);
    expect(flushes[0]!.first).toBe(1);
    expect(flushes[0]!.losses).toHaveLength(50);
    expect(flushes[0]!.samplesPerSecond).toBeCloseTo(2000, 9);
  });

  it('leaves a pause out of the rate', () => {
    const { buffer, flushes } = buffered(8, 1024);
    buffer.add(1, 20);
    buffer.add(2, 40);
    buffer.flush(40); // the run pauses
    buffer.resume(10_040); // ten seconds later it goes on
    buffer.add(3, 10_060);
    buffer.add(4, 10_080);
    buffer.flush(10_080);
    expect(flushes.map((f) => f.first)).toEqual([1, 3]);
    expect(flushes[1]!.samplesPerSecond).toBeCloseTo(500, 9);
  });

  it('gives no rate for a time too short to measure', () => {
    const { buffer, flushes } = buffered(8, 1024);
    buffer.flush(0);
    buffer.add(1, 2);
    buffer.flush(2);
    expect(flushes[0]).toEqual({ first: 1, losses: [1], samplesPerSecond: undefined });
  });

  it('grows instead of flushing early, and flushes early only when full at its largest', () => {
    const grows = buffered(4, 64);
    for (let batch = 1; batch <= 60; batch++) grows.buffer.add(batch, 1);
    expect(grows.flushes).toHaveLength(0);
    const full = buffered(4, 16);
    for (let batch = 1; batch <= 40; batch++) full.buffer.add(batch, 1);
    full.buffer.flush(2);
    expect(full.flushes.map((f) => f.losses.length)).toEqual([16, 16, 8]);
    expect(full.flushes.flatMap((f) => f.losses)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });
});
