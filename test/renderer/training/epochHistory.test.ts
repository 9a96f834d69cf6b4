// A run's epoch history in the renderer: appended in place while it is the newest view, copied before an older view grows.
import { describe, expect, it } from 'vitest';
import type { EpochMetrics } from '../../../engine/training/epochMetrics.js';
import { EpochHistory } from '../../../renderer/training/epochHistory.js';

const epoch = (n: number): EpochMetrics => ({ epoch: n, trainLoss: 1 / n, trainAccuracy: 0.5, testLoss: 1 / n, testAccuracy: 0.5 });
const epochsOf = (history: EpochHistory) => history.map((m) => m.epoch);

describe('the epoch history', () => {
  it('appends epochs and reads them by index, from either end', () => {
    const history = EpochHistory.EMPTY.append([epoch(1)]).append([epoch(2), epoch(3)]);
    expect(history.length).toBe(3);
    expect(history.at(0)?.epoch).toBe(1);
    expect(history.at(-1)?.epoch).toBe(3);
    expect(history.at(3)).toBeUndefined();
    expect([...history].map((m) => m.epoch)).toEqual([1, 2, 3]);
    expect(EpochHistory.EMPTY.length).toBe(0);
  });

  it('never changes a view already handed out, even when an older view grows another way', () => {
    const one = EpochHistory.EMPTY.append([epoch(1)]);
    const two = one.append([epoch(2)]);
    const branch = one.append([epoch(5)]);
    expect(epochsOf(one)).toEqual([1]);
    expect(epochsOf(two)).toEqual([1, 2]);
    expect(epochsOf(branch)).toEqual([1, 5]);
    expect(epochsOf(two.append([epoch(3)]))).toEqual([1, 2, 3]);
  });

  it('leaves out epochs it already has, and never writes into a list it was given', () => {
    const given = [epoch(1), epoch(2)];
    const history = EpochHistory.of(given).append([epoch(2), epoch(3)]);
    expect(epochsOf(history)).toEqual([1, 2, 3]);
    expect(given).toHaveLength(2);
    expect(history.toArray()).toEqual([epoch(1), epoch(2), epoch(3)]);
  });

  it('holds a million epochs appended a thousand an event', () => {
    let history = EpochHistory.EMPTY;
    for (let n = 1; n <= 1_000_000; n += 1000) history = history.append(Array.from({ length: 1000 }, (_, i) => epoch(n + i)));
    expect(history.length).toBe(1_000_000);
    expect(history.at(-1)?.epoch).toBe(1_000_000);
  });
});
