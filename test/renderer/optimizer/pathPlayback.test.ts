// The paths' playback (plain Node) driven by a hand-cranked frame clock: steps advance with time and speed, stop at the end, seek pauses.
import { describe, expect, it } from 'vitest';
import { PathPlayback } from '../../../renderer/optimizer/pathPlayback.svelte.js';

function manualClock() {
  let pending: ((time: number) => void) | undefined;
  let time = 0;
  return {
    clock: {
      request: (callback: (time: number) => void) => {
        pending = callback;
        return 1;
      },
      cancel: () => {
        pending = undefined;
      },
    },
    /** Runs the pending frame `ms` milliseconds after the last one. */
    tick(ms: number) {
      time += ms;
      const callback = pending;
      pending = undefined;
      callback?.(time);
    },
    get scheduled() {
      return pending !== undefined;
    },
  };
}

describe('PathPlayback', () => {
  it('plays from step 0 at its speed in steps a second, carrying fractions, and stops at the last step', () => {
    const frames = manualClock();
    const playback = new PathPlayback(frames.clock);
    playback.speed = 10;
    playback.restart(12);
    expect(playback.playing).toBe(true);
    expect(playback.step).toBe(0);
    frames.tick(16); // the first frame only starts the clock
    frames.tick(50);
    expect(playback.step).toBe(0);
    frames.tick(50);
    expect(playback.step).toBe(1);
    frames.tick(250);
    expect(playback.step).toBe(3);
    for (let i = 0; i < 10; i++) frames.tick(250);
    expect(playback.step).toBe(12);
    expect(playback.playing).toBe(false);
    expect(frames.scheduled).toBe(false);
  });

  it('seeks to a step and pauses; Play at the end starts over; Show all jumps to the end', () => {
    const frames = manualClock();
    const playback = new PathPlayback(frames.clock);
    playback.restart(100);
    playback.seek(40.4);
    expect(playback.step).toBe(40);
    expect(playback.playing).toBe(false);
    playback.seek(1000);
    expect(playback.step).toBe(100);
    playback.play();
    expect(playback.step).toBe(0);
    playback.showAll();
    expect(playback.step).toBe(100);
    expect(playback.playing).toBe(false);
  });

  it('keeps whole paths whole when a shorter set of paths remains', () => {
    const playback = new PathPlayback(manualClock().clock);
    playback.restart(500);
    playback.showAll();
    playback.resize(100);
    expect(playback.step).toBe(100);
    playback.seek(50);
    playback.resize(20);
    expect(playback.step).toBe(20);
  });
});
