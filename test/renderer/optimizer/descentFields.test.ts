// The descent form's validation (plain Node): the engine's limits, a message per field, engine paths mapped to fields.
import { describe, expect, it } from 'vitest';
import { descentFieldOf, EXERCISE_DESCENT, optimizerOf, validateDescent } from '../../../renderer/optimizer/descentFields.js';

describe('validateDescent', () => {
  it("accepts the exercise's first run and gives the request's settings", () => {
    const result = validateDescent(EXERCISE_DESCENT);
    expect(result).toEqual({ ok: true, errors: {}, value: { start: { x: 3, y: 2 }, learningRate: 0.1, steps: 10, decay: 1, optimizer: 'sgd' } });
  });

  it('accepts 0 steps and the step limit', () => {
    expect(validateDescent({ ...EXERCISE_DESCENT, steps: 0 }).ok).toBe(true);
    expect(validateDescent({ ...EXERCISE_DESCENT, steps: 100_000 }).ok).toBe(true);
  });

  it.each([
    ['stepSize', { stepSize: 0 }, /positive number/],
    ['stepSize', { stepSize: -0.1 }, /positive number/],
    ['stepSize', { stepSize: null }, /positive number/],
    ['steps', { steps: 2.5 }, /whole number/],
    ['steps', { steps: -1 }, /whole number/],
    ['steps', { steps: 100_001 }, /At most 100,000 steps/],
    ['decay', { decay: 0 }, /above 0 and at most 1/],
    ['decay', { decay: 1.01 }, /above 0 and at most 1/],
    ['startX', { startX: null }, /start x/],
    ['startY', { startY: Number.NaN }, /start y/],
  ] as const)('puts a message at %s for %o', (field, change, message) => {
    const result = validateDescent({ ...EXERCISE_DESCENT, ...change });
    expect(result.ok).toBe(false);
    expect(Object.keys(result.errors)).toEqual([field]);
    expect(result.errors[field]).toMatch(message);
  });

  it('refuses an optimizer the engine does not know', () => {
    const result = validateDescent({ ...EXERCISE_DESCENT, optimizer: 'lbfgs' as never });
    expect(result.errors.optimizer).toMatch(/sgd, momentum, nesterov, rmsprop, adam/);
  });
});

describe('descentFieldOf', () => {
  it('maps the fields an engine error names to the form', () => {
    expect(descentFieldOf('start')).toBe('startX');
    expect(descentFieldOf('start.y')).toBe('startY');
    expect(descentFieldOf('learningRate')).toBe('stepSize');
    expect(descentFieldOf('optimizer.kind')).toBe('optimizer');
    expect(descentFieldOf('surface')).toBeUndefined();
    expect(descentFieldOf(undefined)).toBeUndefined();
  });
});

describe('the optimizer constants at the optimizer', () => {
  it("fills each constant the optimizer uses with the config's default and sends only those", () => {
    const result = validateDescent({ ...EXERCISE_DESCENT, optimizer: 'adam' });
    expect(result.ok && result.value.constants).toEqual({ beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
    expect(optimizerOf({ optimizer: 'rmsprop', constants: { rho: 0.5, epsilon: 1e-6 } })).toEqual({ kind: 'rmsprop', rho: 0.5, epsilon: 1e-6 });
  });

  it("refuses a constant out of the config's range at its field", () => {
    const result = validateDescent({ ...EXERCISE_DESCENT, optimizer: 'momentum', constants: { momentum: 1 } });
    expect(result.errors).toEqual({ momentum: 'Momentum must be below 1' });
    expect(validateDescent({ ...EXERCISE_DESCENT, optimizer: 'adam', constants: { epsilon: null } }).errors.epsilon).toBe('Enter a number for ε');
    expect(descentFieldOf('optimizer.beta2')).toBe('beta2');
  });
});
