// The training loop's clock: read about once a millisecond over tiny minibatches, at every one when asked to.
import { describe, expect, it } from 'vitest';
import { StepClock } from '../../../engine/training/stepClock.js';

/** Counts the reads of `clock` over `steps` minibatches that do nothing, and the longest run of minibatches between two. */
function readsOver(clock: StepClock, steps: number): { reads: number; longestGap: number } {
  let reads = 0;
  let gap = 0;
  let longestGap = 0;
  for (let step = 0; step < steps; step++) {
    gap++;
    if (clock.due()) {
      clock.read();
      reads++;
      longestGap = Math.max(longestGap, gap);
      gap = 0;
    }
  }
  return { reads, longestGap };
}

describe('the step clock', () => {
  it('reads the clock less and less often while minibatches take far less than a millisecond, up to every 4,096th', () => {
    const { reads, longestGap } = readsOver(new StepClock(Date.now()), 200_000);
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThan(200_000 / 16);
    expect(longestGap).toBeLessThanOrEqual(4096);
  });

  it('reads it after every minibatch when its stride is capped at 1, and again after a restart', () => {
    const clock = new StepClock(Date.now(), 1);
    expect(readsOver(clock, 1000).reads).toBe(1000);
    clock.restart(Date.now());
    expect(clock.due()).toBe(true);
  });
});
