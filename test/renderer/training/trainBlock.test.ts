// Why Train is disabled, said beside it: the builder's unfinished network first, then a network that does not fit, then a field to fix.
import { describe, expect, it } from 'vitest';
import { trainBlockReason } from '../../../renderer/training/trainBlock.js';

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
});
