// The Training form's validation (plain Node): the protocol's schema, messages keyed by field, engine paths mapped to fields.
import { describe, expect, it } from 'vitest';
import { EXERCISE_HYPERPARAMETERS } from '../../engine/protocol.js';
import { formFieldOf, validateHyperparameters, type HyperparameterInput } from '../../renderer/training/hyperparameterFields.js';

const exercise: HyperparameterInput = {
  epochs: EXERCISE_HYPERPARAMETERS.epochs,
  learningRate: EXERCISE_HYPERPARAMETERS.learningRate,
  batchSize: EXERCISE_HYPERPARAMETERS.batchSize,
  seed: EXERCISE_HYPERPARAMETERS.seed,
  reduction: EXERCISE_HYPERPARAMETERS.reduction,
};

describe('validateHyperparameters', () => {
  it('accepts the exercise\'s settings and gives back exactly the exercise\'s hyperparameters', () => {
    const result = validateHyperparameters(exercise, EXERCISE_HYPERPARAMETERS.trainFraction);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toEqual(EXERCISE_HYPERPARAMETERS);
  });

  it('puts the schema\'s message at the learning rate when it is not positive', () => {
    const result = validateHyperparameters({ ...exercise, learningRate: -1 }, 0.5);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual({ learningRate: 'Learning rate must be a positive number' });
  });

  it('asks for a number where a field is empty', () => {
    const result = validateHyperparameters({ ...exercise, epochs: null, seed: Number.NaN }, 0.5);
    expect(result.ok).toBe(false);
    expect(result.errors.epochs).toBe('Enter a number for the epochs');
    expect(result.errors.seed).toBe('Enter a number for the seed');
    expect(result.errors.learningRate).toBeUndefined();
  });

  it('reports every wrong field at once', () => {
    const result = validateHyperparameters({ ...exercise, epochs: 2.5, batchSize: 0, seed: -3 }, 0.5);
    expect(Object.keys(result.errors).sort()).toEqual(['batchSize', 'epochs', 'seed']);
    expect(result.errors.batchSize).toBe('Minibatch size must be a positive whole number');
  });
});

describe('formFieldOf', () => {
  it('maps the engine\'s field paths to the form\'s fields', () => {
    expect(formFieldOf('hyper.learningRate')).toBe('learningRate');
    expect(formFieldOf('batchSize')).toBe('batchSize');
    expect(formFieldOf('spec.layers.2')).toBe('spec');
    expect(formFieldOf('dataSet')).toBe('dataSet');
  });

  it('gives no field for paths the form does not show', () => {
    expect(formFieldOf('hyper.trainFraction')).toBeUndefined();
    expect(formFieldOf('runId')).toBeUndefined();
  });
});
