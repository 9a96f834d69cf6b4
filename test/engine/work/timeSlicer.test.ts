// The engine's cooperative time slicing: turns when a slice's time is up, a stop honoured at the next turn, every index visited.
import { describe, expect, it } from 'vitest';
import { TimeSlicer } from '../../../engine/work/timeSlicer.js';
import { RequestWork } from '../../../engine/work/requestWork.js';
import { WorkStoppedError } from '../../../engine/work/workStopped.js';

/** A clock that moves only when told. */
function manualClock() {
  let time = 1000;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('TimeSlicer', () => {
  it('is due only once a slice of work has taken its time', () => {
    const clock = manualClock();
    const slicer = new TimeSlicer({ sliceMilliseconds: 10, now: clock.now });
    expect(slicer.due()).toBe(false);
    clock.advance(5);
    expect(slicer.due()).toBe(false);
    clock.advance(6);
    // The clock is read every so many calls; within a handful of calls the slice is seen to be over.
    const calls = Array.from({ length: 8 }, () => slicer.due());
    expect(calls).toContain(true);
  });

  it('starts a new slice after a turn and counts the turns', async () => {
    const clock = manualClock();
    let yields = 0;
    const slicer = new TimeSlicer({ sliceMilliseconds: 10, now: clock.now, yieldToEventLoop: async () => void yields++ });
    clock.advance(20);
    await slicer.turn();
    expect([yields, slicer.turns]).toEqual([1, 1]);
    expect(slicer.due()).toBe(false);
  });

  it('ends the work with WorkStoppedError at the turn after a stop is asked for', async () => {
    let stop = false;
    const slicer = new TimeSlicer({ shouldStop: () => stop });
    await slicer.turn();
    stop = true;
    expect(slicer.isStopRequested).toBe(true);
    await expect(slicer.turn()).rejects.toBeInstanceOf(WorkStoppedError);
  });

  it('visits every index of a counted loop in order, giving turns between slices', async () => {
    const seen: number[] = [];
    const slicer = new TimeSlicer({ sliceMilliseconds: 0 });
    await slicer.forEach(1000, (i) => seen.push(i));
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(slicer.turns).toBeGreaterThan(0);
  });

  it('stops a counted loop partway when its request is stopped', async () => {
    const work = new RequestWork();
    const slicer = work.slicer({ sliceMilliseconds: 0 });
    let visited = 0;
    const loop = slicer.forEach(1_000_000, (i) => {
      visited = i + 1;
      if (i === 500) work.stop();
    });
    await expect(loop).rejects.toBeInstanceOf(WorkStoppedError);
    expect(visited).toBeGreaterThan(500);
    expect(visited).toBeLessThan(1_000_000);
  });
});

describe('RequestWork', () => {
  it('is stopped by stop() or by the engine shutting down', () => {
    let disposed = false;
    const work = new RequestWork({ isDisposed: () => disposed });
    expect(work.isStopped).toBe(false);
    disposed = true;
    expect(work.isStopped).toBe(true);
    const other = new RequestWork();
    other.stop();
    expect(other.isStopped).toBe(true);
  });
});
