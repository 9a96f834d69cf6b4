// The run history's operations (plain Node): runs kept in order with a colour each, overlaid, deleted, labelled.
import { describe, expect, it } from 'vitest';
import type { TrainFinished } from '../../../engine/protocol/training.js';
import { EXERCISE_HYPERPARAMETERS } from '../../../engine/training/hyperparameters.js';
import { finalTestAccuracy, finishedRunOf, type FinishedRun, type StartedRun } from '../../../renderer/models/finishedRun.js';
import { RUN_COLOURS } from '../../../plots/theme.js';
import { addRun, deleteRun, overlaidRuns, runColour, runLabel, setOverlaid } from '../../../renderer/models/runHistory.js';
import { presetById } from '../../../renderer/models/networkPresets.js';

const spec = presetById('64-1-sigmoid').spec;
const started = (runId: string): StartedRun => ({ runId, label: runId, spec, dataSet: 'digits-binary', hyper: EXERCISE_HYPERPARAMETERS });
const finished = (runId: string, testAccuracy = 0.9): TrainFinished => ({
  type: 'train.finished',
  runId,
  reason: 'completed',
  message: 'done',
  history: [{ epoch: 1, trainLoss: 0.3, trainAccuracy: 0.8, testLoss: 0.35, testAccuracy }],
  weights: { spec, parameters: [] },
  settings: { seed: 1, loss: 'bce', optimizer: { kind: 'sgd' }, normalisation: 'global' },
  parameterPath: [new Float64Array(65), new Float64Array(65)],
  split: { train: Int32Array.of(2, 0), test: Int32Array.of(1) },
  seconds: 0.5,
  diagnoses: [],
});
const run = (runId: string, accuracy?: number): FinishedRun => finishedRunOf(started(runId), finished(runId, accuracy));

describe('finishedRunOf', () => {
  it('keeps what the run was started with and everything the engine reported at its end', () => {
    const record = run('a', 0.93);
    expect(record.spec).toBe(spec);
    expect(record.hyper).toBe(EXERCISE_HYPERPARAMETERS);
    expect(record.settings.loss).toBe('bce');
    expect(record.parameterPath).toHaveLength(2);
    expect(finalTestAccuracy(record)).toBe(0.93);
  });
});

describe('run history', () => {
  it("adds runs oldest first, each with its serial's colour, and never the same run twice", () => {
    let entries = addRun([], run('a'), 1);
    entries = addRun(entries, run('b'), 2);
    entries = addRun(entries, run('b'), 3);
    expect(entries.map((e) => [e.run.runId, e.serial, e.colour])).toEqual([
      ['a', 1, RUN_COLOURS[0]],
      ['b', 2, RUN_COLOURS[1]],
    ]);
    expect(entries.map((e) => e.run.label)).toEqual(['#1 a', '#2 b']);
    expect(runColour(RUN_COLOURS.length + 1)).toBe(RUN_COLOURS[0]);
  });

  it('overlays the runs chosen and forgets a deleted one', () => {
    let entries = addRun(addRun(addRun([], run('a'), 1), run('b'), 2), run('c'), 3);
    entries = setOverlaid(setOverlaid(entries, 'a', true), 'c', true);
    expect(overlaidRuns(entries).map((e) => e.run.runId)).toEqual(['a', 'c']);
    entries = setOverlaid(entries, 'a', false);
    entries = deleteRun(entries, 'c');
    expect(overlaidRuns(entries)).toEqual([]);
    expect(entries.map((e) => e.run.runId)).toEqual(['a', 'b']);
  });

  it('labels a run by its data, network, optimizer, learning rate, epochs and seed', () => {
    expect(runLabel('iris', '4-32-ReLU-3-Softmax', { ...EXERCISE_HYPERPARAMETERS, optimizer: { kind: 'adam' }, learningRate: 0.001 })).toBe(
      'iris · 4-32-ReLU-3-Softmax · Adam lr 0.001 · 25 epochs · seed 1',
    );
  });
});
