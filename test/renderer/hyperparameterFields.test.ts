// The Training form's validation (plain Node): the protocol's schema, messages keyed by field, engine paths mapped to fields.
import { describe, expect, it } from 'vitest';
import { EXERCISE_HYPERPARAMETERS } from '../../engine/training/hyperparameters.js';
import { formFieldOf, validateHyperparameters, type HyperparameterInput } from '../../renderer/training/hyperparameterFields.js';

const exercise: HyperparameterInput = {
  epochs: EXERCISE_HYPERPARAMETERS.epochs,
  learningRate: EXERCISE_HYPERPARAMETERS.learningRate,
  batchSize: EXERCISE_HYPERPARAMETERS.batchSize,
  seed: EXERCISE_HYPERPARAMETERS.seed,
  reduction: EXERCISE_HYPERPARAMETERS.reduction,
};

describe('validateHyperparameters', () => {
  it("accepts the exercise's settings and gives back exactly the exercise's hyperparameters", () => {
    const result = validateHyperparameters(exercise, EXERCISE_HYPERPARAMETERS.trainFraction);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toEqual(EXERCISE_HYPERPARAMETERS);
  });

  it("puts the schema's message at the learning rate when it is not positive", () => {
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

describe('validateHyperparameters with the optimizer, loss and regularisation', () => {
  const optimizer = { kind: 'adam' as const, momentum: 0.9, rho: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

  it('sends only the constants the chosen optimizer uses, and leaves defaults out', () => {
    const result = validateHyperparameters({ ...exercise, optimizer, loss: 'default', decay: 1, weightDecay: 0, normalisation: 'default' }, 0.5);
    expect(result.ok && result.value).toEqual({ ...EXERCISE_HYPERPARAMETERS, optimizer: { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } });
  });

  it('sends plain SGD as no optimizer at all, and a chosen loss, decay, weight decay and normalisation as they are', () => {
    const result = validateHyperparameters(
      {
        ...exercise,
        optimizer: { ...optimizer, kind: 'sgd' },
        loss: 'mse',
        decay: 0.95,
        weightDecay: 1e-4,
        normalisation: 'none',
      },
      0.8,
    );
    expect(result.ok && result.value).toEqual({
      ...EXERCISE_HYPERPARAMETERS,
      trainFraction: 0.8,
      loss: 'mse',
      decay: 0.95,
      weightDecay: 1e-4,
      normalisation: 'none',
    });
  });

  it("puts the schema's messages at the optimizer's constants, the decay and the train fraction", () => {
    const result = validateHyperparameters({ ...exercise, optimizer: { ...optimizer, beta2: 1 }, decay: 0 }, 1.5);
    expect(result.errors).toEqual({
      beta2: 'Beta2 must be below 1',
      decay: 'Decay must be above 0 and at most 1',
      trainFraction: 'Train fraction must be between 0 and 1',
    });
  });

  it('asks for a number in an empty constant only when the optimizer uses it', () => {
    expect(validateHyperparameters({ ...exercise, optimizer: { ...optimizer, kind: 'momentum', rho: null } }, 0.5).ok).toBe(true);
    const result = validateHyperparameters({ ...exercise, optimizer: { ...optimizer, kind: 'rmsprop', rho: null } }, 0.5);
    expect(result.errors).toEqual({ rho: 'Enter a number for the rho' });
  });
});

describe('formFieldOf', () => {
  it("maps the engine's field paths to the form's fields", () => {
    expect(formFieldOf('hyper.learningRate')).toBe('learningRate');
    expect(formFieldOf('batchSize')).toBe('batchSize');
    expect(formFieldOf('spec.layers.2')).toBe('spec');
    expect(formFieldOf('dataSet')).toBe('dataSet');
  });

  it("maps the optimizer's constants, the toy and CSV data fields and the rest of the hyperparameters", () => {
    expect(formFieldOf('hyper.optimizer.beta1')).toBe('beta1');
    expect(formFieldOf('hyper.optimizer.kind')).toBe('optimizer');
    expect(formFieldOf('hyper.loss')).toBe('loss');
    expect(formFieldOf('hyper.trainFraction')).toBe('trainFraction');
    expect(formFieldOf('dataSet.size')).toBe('toySize');
    expect(formFieldOf('dataSet.noise')).toBe('toyNoise');
    expect(formFieldOf('dataSet.labelColumn')).toBe('labelColumn');
    expect(formFieldOf('dataSet.text')).toBe('csvFile');
    expect(formFieldOf('spec.input')).toBe('spec');
  });

  it('gives no field for paths the form does not show', () => {
    expect(formFieldOf('recordPath')).toBeUndefined();
    expect(formFieldOf('initialWeights')).toBeUndefined();
    expect(formFieldOf('runId')).toBeUndefined();
  });
});
