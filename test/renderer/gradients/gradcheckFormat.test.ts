// How a gradient check report reads (plain Node): "OK 3.1e-9" as the exercise prints it, the worst entry, the explanations.
import { describe, expect, it } from 'vitest';
import { exerciseLine, explainReport, formatError, formatValue, verdictText, worstText } from '../../../renderer/gradients/gradcheckFormat.js';

describe('verdictText', () => {
  it("writes OK or ERROR and check_grad's error in one significant decimal", () => {
    expect(verdictText({ ok: true, error: 3.1234e-9 })).toBe('OK 3.1e-9');
    expect(verdictText({ ok: false, error: 2.4 })).toBe('ERROR 2.4e+0');
    expect(verdictText({ ok: true, error: 0 })).toBe('OK 0');
  });
});

describe('formatError and formatValue', () => {
  it('keeps errors short and values readable', () => {
    expect(formatError(8.46e-11)).toBe('8.5e-11');
    expect(formatError(Number.NaN)).toBe('NaN');
    expect(formatValue(0.473812)).toBe('0.4738');
    expect(formatValue(-3.81249)).toBe('-3.812');
    expect(formatValue(2.5e-7)).toBe('2.500e-7');
    expect(formatValue(0)).toBe('0');
  });
});

describe('worstText and exerciseLine', () => {
  it('names the worst entry with its analytic and numerical values', () => {
    expect(worstText({ worst: { index: 3, analytic: -0.41923, numerical: -3.8127 } })).toBe('entry 3: -0.4192 vs -3.813');
  });

  it('prints a line as the exercise does, names padded to line up', () => {
    expect(exerciseLine({ name: 'db', ok: false, error: 4.2 }, 4)).toBe('err on db  : ERROR 4.2e+0');
    expect(exerciseLine({ name: 'dW', ok: true, error: 3.8e-9 })).toBe('err on dW: OK 3.8e-9');
  });
});

describe('explainReport', () => {
  const threshold = 1e-6;

  it('says every gradient agrees when all checks pass', () => {
    expect(explainReport('correct', [{ name: 'dx', ok: true }], threshold)[0]).toMatch(/Every gradient agrees.*1e-6/);
  });

  it("explains the exercise's db bug: a scalar divided by the batch size, every entry wrong", () => {
    const lines = explainReport(
      'exercise-db',
      [
        { name: 'dx', ok: true },
        { name: 'dW', ok: true },
        { name: 'db', ok: false },
      ],
      threshold,
    );
    expect(lines[0]).toBe('The check caught db: relative error at or above 1e-6.');
    expect(lines[1]).toMatch(/one scalar and divides it by the batch size: every entry of db/);
  });

  it('explains the sigmoid bug and lists every gradient it spoils', () => {
    const lines = explainReport(
      'exercise-sigmoid-grad',
      [
        { name: 'layer 1 dW', ok: false },
        { name: 'dx', ok: false },
      ],
      threshold,
    );
    expect(lines[0]).toContain('2 gradients (layer 1 dW, dx)');
    expect(lines[1]).toContain('sigmoid_grad(grad_y_hat)');
  });
});
