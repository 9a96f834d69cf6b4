// Tests the step-size × decay map: every cell is the descent run alone, overflowing step sizes are diverged cells, the map can be stopped.
import { describe, expect, it } from 'vitest';
import { findSurface } from '../../../engine/surfaces/catalog.js';
import { descend } from '../../../engine/surfaces/descend.js';
import { computeStepDecayMap } from '../../../engine/surfaces/stepDecayMap.js';
import { TimeSlicer } from '../../../engine/work/timeSlicer.js';
import { WorkStoppedError } from '../../../engine/work/workStopped.js';

const exercise = findSurface('exercise')!;
const start = { x: 3, y: 2 };

describe('the step-size × decay map', () => {
  it('gives each cell the final value, divergence and steps to the best of the descent run with that step size and decay alone', async () => {
    const stepSizes = [0.01, 0.0242, 0.0585, 0.141, 0.342, 0.827, 2];
    const decays = [0.9, 0.933, 0.967, 1];
    const map = await computeStepDecayMap(exercise, start, { stepSizes, decays, steps: 60, epsilon: 1e-3 });
    expect(Array.from(map.stepSizes)).toEqual(stepSizes);
    expect(Array.from(map.decays)).toEqual(decays);

    const paths = decays.flatMap((decay) => stepSizes.map((learningRate) => descend(exercise, start, { learningRate, decay, steps: 60 })));
    const kept = paths.filter((p) => !p.diverged);
    expect(kept.length).toBeGreaterThan(5);
    expect(paths.length - kept.length).toBeGreaterThan(0);
    const best = Math.min(...kept.map((p) => Math.min(...p.f)));
    expect(map.bestValue).toBe(best);

    paths.forEach((path, cell) => {
      if (path.diverged) {
        expect(map.divergedAt[cell]).toBe(path.divergedAt);
        expect(map.finalValue[cell]).toBeNaN();
        expect(map.stepsToBest[cell]).toBe(-1);
      } else {
        expect(map.divergedAt[cell]).toBe(0);
        expect(map.finalValue[cell]).toBe(path.f[60]);
        expect(map.lowestValue[cell]).toBe(Math.min(...path.f));
        expect(map.stepsToBest[cell]).toBe(path.f.findIndex((f) => f <= best + 1e-3));
      }
    });
  });

  it('shows the exercise tuning runs where they belong: step 0.5 with decay 0.95 reaches the global minimum within 100 steps', async () => {
    const map = await computeStepDecayMap(exercise, start, {
      stepSizes: [0.5],
      decays: [0.95],
      steps: 100,
      epsilon: 1e-6,
    });
    expect(map.finalValue[0]).toBeCloseTo(-2.2807097075997, 12);
    expect(map.stepsToBest[0]).toBeGreaterThan(0);
  });

  it('marks step sizes that overflow as diverged cells and still computes the rest', async () => {
    const map = await computeStepDecayMap(exercise, start, {
      stepSizes: [0.01, 0.1, 1, 1e10, 1e300],
      decays: [1],
      steps: 50,
      epsilon: 1e-3,
    });
    expect(map.divergedAt[4]).toBe(1);
    expect(map.divergedAt[3]).toBe(1);
    expect(map.divergedAt[0]).toBe(0);
    expect(map.finalValue[0]).toBe(descend(exercise, start, { learningRate: 0.01, steps: 50 }).f[50]);
  });

  it('gives every cell its own colour of failure when every run diverges: no best value, no steps to it', async () => {
    const map = await computeStepDecayMap(exercise, start, {
      stepSizes: [1e10, 1e15, 1e20],
      decays: [0.9, 1],
      steps: 5,
      epsilon: 1,
    });
    expect(Array.from(map.divergedAt)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(map.bestValue).toBeNaN();
    expect(Array.from(map.stepsToBest)).toEqual([-1, -1, -1, -1, -1, -1]);
  });

  it('reports its progress and ends with every run counted', async () => {
    const progress: [number, number][] = [];
    await computeStepDecayMap(exercise, start, {
      stepSizes: [0.01, 0.02, 0.05, 0.1, 0.2],
      decays: [0.9, 0.925, 0.95, 0.975, 1],
      steps: 2000,
      epsilon: 1e-3,
      progressMilliseconds: 0,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress.length).toBeGreaterThan(25);
    const [done, total] = progress.at(-1)!;
    expect(done).toBe(total);
    expect(total).toBeGreaterThan(25);
    for (let i = 1; i < progress.length; i++) expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
  });

  it('stops when its slicer is stopped, at a turn it gives the host', async () => {
    let turns = 0;
    const slicer = new TimeSlicer({
      sliceMilliseconds: 0,
      yieldToEventLoop: async () => {
        turns++;
      },
      shouldStop: () => turns >= 3,
    });
    const map = computeStepDecayMap(exercise, start, {
      stepSizes: Array.from({ length: 20 }, (_, i) => 0.01 * (i + 1)),
      decays: Array.from({ length: 20 }, (_, i) => 0.9 + 0.005 * i),
      steps: 5000,
      epsilon: 1e-3,
      slicer,
    });
    await expect(map).rejects.toBeInstanceOf(WorkStoppedError);
    expect(turns).toBe(3);
  });
});
