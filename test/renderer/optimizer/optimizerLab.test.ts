// The Optimizer lab's state (plain Node) against the real engine in this process: a map's cell runs the cell's setting, progress arrives, a stop keeps the old map, six runs at most.
import { describe, expect, it } from 'vitest';
import { EngineCatalog } from '../../../renderer/models/engineCatalog.js';
import { MAX_RUNS, OptimizerLabState } from '../../../renderer/optimizer/optimizerLab.svelte.js';
import { PATH_COLOURS } from '../../../plots/theme.js';
import { inProcessRequests } from '../support/inProcessRequests.js';

function session() {
  const { requests, dispose } = inProcessRequests();
  const lab = new OptimizerLabState(requests, new EngineCatalog(requests));
  return {
    lab,
    dispose: () => {
      lab.playback.dispose();
      dispose();
    },
  };
}

describe('OptimizerLabState', () => {
  it('computes the map with progress, and a clicked cell runs exactly its step size and decay from the map’s start', async () => {
    const { lab, dispose } = session();
    await lab.load();
    lab.form.steps = 100;
    lab.mapForm.stepCount = 9;
    lab.mapForm.decayCount = 5;
    const progress: number[] = [];
    const done = lab.computeMap();
    expect(lab.mapRunning).toBe(true);
    expect(lab.mapProgress).toEqual({ done: 0, total: 45 });
    await done;
    progress.push(lab.mapProgress!.done);
    expect(lab.mapRunning).toBe(false);
    const map = lab.map!;
    expect(map.result.stepSizes).toHaveLength(9);
    expect(Array.from(map.result.decays)).toEqual([0.8, 0.85, 0.9, 0.95, 1]);
    expect(lab.mapIsCurrent).toBe(true);

    lab.form.startX = -2; // the form moves on; the cell still runs from the map's start
    expect(lab.mapIsCurrent).toBe(false);
    await lab.runCell(4, 2);
    const run = lab.current!;
    expect(run.settings.learningRate).toBe(map.result.stepSizes[4]);
    expect(run.settings.decay).toBe(0.9);
    expect(run.settings.start).toEqual({ x: 3, y: 2 });
    expect(run.path.f[100]).toBe(map.result.finalValue[2 * 9 + 4]);
    expect(lab.playback.lastStep).toBe(100);
    dispose();
  });

  it('keeps at most six runs in six different colours, and a freed colour is given again', async () => {
    const { lab, dispose } = session();
    await lab.load();
    for (let i = 0; i < MAX_RUNS; i++) {
      lab.form.stepSize = 0.01 * (i + 1);
      await lab.run();
      if (i < MAX_RUNS - 1) {
        expect(lab.canKeep).toBe(true);
        lab.keep();
      }
    }
    expect(lab.runs).toHaveLength(MAX_RUNS);
    expect(lab.canKeep).toBe(false);
    expect(new Set(lab.runs.map((run) => run.colour)).size).toBe(MAX_RUNS);
    const second = lab.runs[1]!;
    lab.remove(second.serial);
    lab.keep();
    await lab.run();
    expect(lab.current!.colour).toBe(second.colour);
    expect(PATH_COLOURS).toContain(second.colour);
    dispose();
  });

  it('stops a long map and keeps the map computed before', async () => {
    const { lab, dispose } = session();
    await lab.load();
    lab.form.steps = 10;
    lab.mapForm.stepCount = 3;
    lab.mapForm.decayCount = 2;
    await lab.computeMap();
    const before = lab.map;
    lab.form.steps = 3000;
    lab.mapForm.stepCount = 30;
    lab.mapForm.decayCount = 40;
    lab.mapForm.stepMax = 0.2;
    const running = lab.computeMap();
    await new Promise((resolve) => setTimeout(resolve, 50));
    lab.stopMap();
    await running;
    expect(lab.mapMessage).toMatch(/^Stopped after \d+ of 1200 runs$/);
    expect(lab.map).toBe(before);
    dispose();
  });

  it('refuses a map over the work limit at the steps before asking the engine', async () => {
    const { lab, dispose } = session();
    await lab.load();
    lab.form.steps = 100000;
    expect(lab.mapErrors.steps).toMatch(/a map takes at most 4,000,000/);
    expect(lab.canComputeMap).toBe(false);
    dispose();
  });
});
