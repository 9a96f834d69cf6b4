// The lab's state as a project and back (plain Node): labels without the history's number, diverged runs left out, fresh ids.
import { describe, expect, it } from 'vitest';
import { parseProjectFile, projectFileText } from '../../../engine/projectFile.js';
import type { NetworkSpec } from '../../../engine/spec.js';
import { finishedRunsOf, labelWithoutSerial, leftOutNote, projectOf, type KeptRun } from '../../../renderer/saving/projectState.js';
import type { FinishedRun } from '../../../renderer/models/finishedRun.js';

const SPEC: NetworkSpec = { input: 4, layers: [{ type: 'linear', units: 3 }, { type: 'softmax' }] };

function finishedRun(runId: string, label: string, w0 = 0.5): FinishedRun {
  return {
    runId,
    label,
    spec: SPEC,
    dataSet: 'iris',
    hyper: { epochs: 1, learningRate: 0.1, batchSize: 10, reduction: 'mean', trainFraction: 0.5, seed: 2 },
    reason: 'completed',
    message: 'done',
    history: [{ epoch: 1, trainLoss: 1, trainAccuracy: 0.5, testLoss: 1.1, testAccuracy: 0.4 }],
    weights: {
      spec: SPEC,
      parameters: [
        { layer: 0, name: 'W', shape: [4, 3], values: Float64Array.from({ length: 12 }, (_, i) => (i === 0 ? w0 : i / 7)) },
        { layer: 0, name: 'b', shape: [3], values: new Float64Array(3) },
      ],
    },
    settings: { seed: 2, loss: 'cce', optimizer: { kind: 'sgd' }, normalisation: 'standardize' },
    parameterPath: [new Float64Array(15)],
  };
}

describe('projectOf', () => {
  const runs: KeptRun[] = [
    { serial: 1, run: finishedRun('run-1-a', '#1 iris · 4-3-Softmax') },
    { serial: 2, run: finishedRun('run-2-b', '#2 iris · diverged', Number.NaN) },
    { serial: 3, run: finishedRun('run-3-c', '#3 iris · again') },
  ];
  const { project, leftOut } = projectOf({ name: 'Built network', spec: SPEC }, runs, new Date(Date.UTC(2025, 0, 2, 3, 4, 5)));

  it('keeps the network, the time, and the runs with finite weights, oldest first, without their history numbers', () => {
    expect(project.savedAt).toBe('2025-01-02T03:04:05.000Z');
    expect(project.network).toEqual({ name: 'Built network', spec: SPEC });
    expect(project.runs.map((r) => r.label)).toEqual(['iris · 4-3-Softmax', 'iris · again']);
    expect(project.runs[0]).not.toHaveProperty('runId');
    expect(project.runs[0]).not.toHaveProperty('parameterPath');
    expect(leftOut).toEqual([2]);
  });

  it('gives a project that reads back into the same runs, with fresh ids', () => {
    const back = finishedRunsOf(parseProjectFile(projectFileText(project)), (i) => `opened-${i + 1}`);
    expect(back.map((r) => r.runId)).toEqual(['opened-1', 'opened-2']);
    const { runId: _id, parameterPath: _path, label: _label, ...original } = runs[0]!.run;
    const { runId: _id2, label, ...read } = back[0]!;
    expect(read).toEqual(original);
    expect(label).toBe('iris · 4-3-Softmax');
  });
});

describe('labelWithoutSerial and leftOutNote', () => {
  it('drops only a leading "#n "', () => {
    expect(labelWithoutSerial('#12 iris · x')).toBe('iris · x');
    expect(labelWithoutSerial('iris #2 · x')).toBe('iris #2 · x');
  });

  it('says which runs were left out, or nothing', () => {
    expect(leftOutNote([])).toBe('');
    expect(leftOutNote([2])).toBe(' Left out run #2: its weights are not finite numbers (it diverged).');
    expect(leftOutNote([2, 5])).toBe(' Left out runs #2, #5: their weights are not finite numbers (they diverged).');
  });
});
