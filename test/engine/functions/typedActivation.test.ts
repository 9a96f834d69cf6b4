// The user's own activation typed as expressions: compiled in x alone, its typed f′ checked against central differences, and typing mistakes at their column.
import { describe, expect, it } from 'vitest';
import { checkTypedActivation, compileTypedActivation, TypedActivationError } from '../../../engine/functions/typedActivation.js';
import { handleFunctionsCheckTyped } from '../../../engine/worker/functionsHandler.js';

const SWISH = 'x/(1+exp(-x))';
const SWISH_DERIVATIVE = '(1+exp(-x)+x*exp(-x))/(1+exp(-x))^2';
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function mistake(f: string, df?: string): TypedActivationError {
  try {
    compileTypedActivation(f, df);
  } catch (error) {
    if (error instanceof TypedActivationError) return error;
    throw error;
  }
  throw new Error('no mistake found');
}

describe('a typed activation', () => {
  it('computes f and its exact derivative by automatic differentiation', () => {
    const swish = compileTypedActivation(SWISH);
    for (const x of [-4, -0.5, 0, 1.25, 3]) {
      expect(swish.value(x)).toBeCloseTo(x * sigmoid(x), 14);
      expect(swish.derivative(x)).toBeCloseTo(sigmoid(x) * (1 + x * (1 - sigmoid(x))), 14);
    }
    expect(swish.typed).toBeUndefined();
  });

  it('passes the check with a correct typed f′, as the exercise prints OK', () => {
    const check = checkTypedActivation(compileTypedActivation(SWISH, SWISH_DERIVATIVE));
    expect(check.ok).toBe(true);
    expect(check.error).toBeLessThan(1e-5);
    expect(check.x).toHaveLength(40);
    expect(Array.from(check.x)).not.toContain(0);
  });

  it('fails the check of a wrong f′ and names the worst point and its error', () => {
    const check = checkTypedActivation(compileTypedActivation('x^3', '3*x'));
    expect(check.ok).toBe(false);
    expect(check.error).toBeGreaterThan(1);
    // 3x² − 3x is largest in size at the end of the range nearest −5: x = −4.875.
    expect(check.worst.x).toBe(-4.875);
    expect(check.worst.analytic).toBeCloseTo(3 * -4.875, 12);
    expect(check.worst.numerical).toBeCloseTo(3 * 4.875 ** 2, 6);
    expect(check.worst.error).toBeCloseTo(3 * 4.875 ** 2 + 3 * 4.875, 6);
  });

  it('says where f is not a finite number instead of passing', () => {
    const check = checkTypedActivation(compileTypedActivation('log(x)', '1/x'));
    expect(check.ok).toBe(false);
    expect(check.problem).toBe('f(x) is not a finite number at x = -4.875');
  });

  it('marks a typing mistake in f′ at its column, and y as a name an activation does not have', () => {
    const bad = mistake('x^2', '2*x +* 1');
    expect(bad.field).toBe('df');
    expect(bad.column).toBe(6);
    expect(bad.message).toBe("f′(x): unexpected '*' at column 6");
    const y = mistake('x + y');
    expect(y.field).toBe('f');
    expect(y.column).toBe(5);
    expect(y.message).toMatch(/unknown name 'y' \(use x, pi, e or/);
  });

  it('answers functions.checkTyped with the samples and both checks, and a typing mistake with its field and column', async () => {
    const answer = await handleFunctionsCheckTyped({
      type: 'functions.checkTyped',
      requestId: 'r',
      f: 'x^3',
      df: '3*x',
      count: 11,
      epsilon: 1e-3,
      lo: -1,
      hi: 1,
    });
    if (answer.type !== 'functions.typedChecked') throw new Error(answer.message);
    expect(Array.from(answer.x)).toHaveLength(11);
    expect(answer.typed![10]).toBe(3);
    expect(answer.symbolic[10]).toBe(3);
    expect(answer.typedCheck!.ok).toBe(false);
    expect(answer.labCheck.ok).toBe(true);
    expect(answer.threshold).toBe(1e-5);
    const wrong = await handleFunctionsCheckTyped({
      type: 'functions.checkTyped',
      requestId: 'r',
      f: 'x^2',
      df: '2*(x',
      count: 11,
      epsilon: 1e-3,
      lo: -1,
      hi: 1,
    });
    expect(wrong).toEqual({ type: 'error', requestId: 'r', field: 'df', column: 5, message: "f′(x): expected ')' but found end of input at column 5" });
  });
});
