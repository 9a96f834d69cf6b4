// The run history's record of a run and its renaming (plain Node): every setting and result named, and a name kept behind its serial.
import { describe, expect, it } from 'vitest';
import { EXERCISE_HYPERPARAMETERS } from '../../../engine/training/hyperparameters.js';
import type { FinishedRun } from '../../../renderer/models/finishedRun.js';
import { presetById } from '../../../renderer/models/networkPresets.js';
import { formatSeconds } from '../../../engine/training/epochTime.js';
import { optimizerText, runDetails } from '../../../renderer/models/runDetails.js';
import { addRun, renameRun, runName } from '../../../renderer/models/runHistory.js';

const spec = presetById('64-32-relu-1-sigmoid').spec;
function run(overrides: Partial<FinishedRun> = {}): FinishedRun {
  return {
    runId: 'r',
    label: 'digits-binary · 64-32-ReLU-1-Sigmoid · SGD lr 0.01 · 2 epochs · seed 1',
    spec,
    dataSet: 'digits-binary',
    hyper: { ...EXERCISE_HYPERPARAMETERS, epochs: 2 },
    reason: 'completed',
    message: 'completed 2 epochs',
    history: [
      { epoch: 1, trainLoss: 0.4, trainAccuracy: 0.85, testLoss: 0.35, testAccuracy: 0.88 },
      { epoch: 2, trainLoss: 0.21, trainAccuracy: 0.93, testLoss: 0.25, testAccuracy: 0.915 },
    ],
    weights: { spec, parameters: [] },
    settings: { seed: 1, loss: 'bce', optimizer: { kind: 'sgd' }, normalisation: 'global' },
    seconds: 1.26,
    ...overrides,
  };
}

describe('runDetails', () => {
  it('names the data, network, optimizer, learning rate, minibatch, reduction, epochs, seed, final figures and duration', () => {
    expect(runDetails(run()).map((d) => `${d.term}: ${d.value}`)).toEqual([
      'Data: digits-binary, train fraction 0.5',
      'Network: linear:32,relu,linear:1,sigmoid',
      'Optimizer: SGD',
      'Learning rate: 0.01',
      'Minibatch: 10',
      'Reduction: sum',
      'Epochs: 2',
      'Seed: 1',
      'Train loss, accuracy: 0.2100, 93.0%',
      'Test loss, accuracy: 0.2500, 91.5%',
      'Duration: 1.3 s',
    ]);
  });

  it("says a run without a test set has none, and a stopped run's epochs out of those planned", () => {
    const details = runDetails(run({ hyper: { ...EXERCISE_HYPERPARAMETERS, epochs: 5, trainFraction: 1 }, seconds: undefined }));
    expect(details.find((d) => d.term === 'Test loss, accuracy')!.value).toBe('no test set');
    expect(details.find((d) => d.term === 'Epochs')!.value).toBe('2 of 5');
    expect(details.find((d) => d.term === 'Duration')!.value).toBe('–');
  });

  it('writes an optimizer with its constants, and long durations in minutes', () => {
    expect(optimizerText({ kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 })).toBe('Adam (β1 0.9, β2 0.999, ε 1e-8)');
    expect(optimizerText({ kind: 'momentum', momentum: 0.9 })).toBe('Momentum (μ 0.9)');
    expect(formatSeconds(125.4)).toBe('2 min 05 s');
  });
});

describe('renameRun', () => {
  it('keeps the serial in front of the new name, and ignores a blank one', () => {
    let entries = addRun([], run(), 3);
    entries = renameRun(entries, 'r', '  wide net  ');
    expect(entries[0]!.run.label).toBe('#3 wide net');
    expect(runName(entries[0]!)).toBe('wide net');
    expect(renameRun(entries, 'r', '   ')[0]!.run.label).toBe('#3 wide net');
  });
});
