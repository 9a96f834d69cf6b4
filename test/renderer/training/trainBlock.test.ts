// Why Train is disabled, said beside it: the builder's unfinished network first, then a network that does not fit, then a field to fix.
import { describe, expect, it } from 'vitest';
import { trainBlock, trainBlockReason } from '../../../renderer/training/trainBlock.js';
import { misfitOf } from '../../../renderer/training/networkChoice.js';
import { presetById } from '../../../renderer/models/networkPresets.js';

const clear = { formErrors: {}, checkErrors: {}, builderChosen: false, builderProblem: null, lastValidName: '64-1-Sigmoid' };

describe('the reason Train is disabled', () => {
  it('is none when the form, the network and the data let a run start', () => {
    expect(trainBlockReason(clear)).toBeUndefined();
  });

  it("names the builder's problem and the last valid version Training holds meanwhile", () => {
    expect(trainBlockReason({ ...clear, builderChosen: true, builderProblem: 'at layer 3: units must be a whole number, 1 or more' })).toBe(
      "The builder's network has a problem at layer 3: units must be a whole number, 1 or more; fix it in the Network builder (Training holds its last valid version, “64-1-Sigmoid”, meanwhile).",
    );
  });

  it("says the network does not fit, naming the builder's when it is the one chosen", () => {
    const checkErrors = { spec: 'The network takes 64 inputs but iris has 4 features' };
    expect(trainBlockReason({ ...clear, checkErrors })).toBe('The network does not fit: the network takes 64 inputs but iris has 4 features.');
    expect(trainBlockReason({ ...clear, checkErrors, builderChosen: true })).toMatch(/^The builder's network does not fit: /);
  });

  it('points at a marked field', () => {
    expect(trainBlockReason({ ...clear, formErrors: { learningRate: 'Learning rate must be a positive number' } })).toBe(
      'Fix the marked field first: learning rate must be a positive number.',
    );
  });

  it('waits, disabled, while the data set chosen has no known shape yet, so the previous network cannot be trained on it', () => {
    expect(trainBlock({ ...clear, unknownShape: 'iris' })).toEqual({ reason: 'Waiting for the engine to describe iris…', waiting: true });
  });

  it("waits while the engine's check of the network and data chosen now is unanswered, rather than trusting an earlier answer", () => {
    expect(trainBlock({ ...clear, checking: true })).toEqual({ reason: 'Checking the network against the data…', waiting: true });
    // An earlier subject's misfit is not shown as if it were the current one's.
    expect(trainBlock({ ...clear, checking: true, checkErrors: { spec: 'The network takes 64 inputs but iris has 4 features' } })?.waiting).toBe(true);
  });

  it("blocks a network the lab itself sees does not fit the data's shape, even before the engine has checked it", () => {
    const misfit = misfitOf(presetById('64-32-relu-1-sigmoid').spec, { name: 'iris', inputs: 4, classes: 3 });
    expect(misfit).toBe('the network takes 64 inputs but iris has 4 features');
    expect(trainBlockReason({ ...clear, misfit })).toBe('The network does not fit: the network takes 64 inputs but iris has 4 features.');
  });
});

describe("what keeps a network from a data set's shape", () => {
  const spec = {
    input: 4,
    layers: [{ type: 'linear' as const, units: 32 }, { type: 'relu' as const }, { type: 'linear' as const, units: 1 }, { type: 'sigmoid' as const }],
  };

  it('is nothing when the inputs and the outputs fit', () => {
    expect(misfitOf(spec, { name: 'toy circles', inputs: 4, classes: 2 })).toBeNull();
  });

  it('names the outputs the classes need when the inputs fit', () => {
    expect(misfitOf(spec, { name: 'iris', inputs: 4, classes: 3 })).toBe('iris needs 3 outputs (one per class) but the network gives 1');
  });
});
