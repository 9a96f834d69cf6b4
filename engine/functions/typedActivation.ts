// A user's activation typed as f(x) and, if they like, f′(x): compiled with the safe expression parser, its exact derivative by forward-mode differentiation, and the check of a typed f′; pure, any process.
import { compareGradients, EXERCISE_ERROR_THRESHOLD, GRADCHECK_EPSILON, GRADCHECK_THRESHOLD } from '../gradcheck/checkGradient.js';
import { compileDual } from '../surfaces/dual.js';
import { ExpressionError, parseExpression } from '../surfaces/expression.js';

/** Which of the two typed expressions a message is about. */
export type TypedField = 'f' | 'df';

/** A typed expression that does not parse: the sentence, the field and the column (from 1) of the mistake. */
export class TypedActivationError extends Error {
  constructor(
    message: string,
    readonly field: TypedField,
    readonly column: number,
  ) {
    super(message);
    this.name = 'TypedActivationError';
  }
}

/** A typed activation, compiled: f, its derivative by automatic differentiation, and the typed f′ when there is one. */
export interface TypedActivation {
  value(x: number): number;
  /** f′ by forward-mode automatic differentiation of the typed f: exact, what "symbolic" means in the lab. */
  derivative(x: number): number;
  /** The user's own f′, if they typed one. */
  typed?: (x: number) => number;
}

/** The range and number of points a typed f′ is checked at, unless given: midpoints of 40 equal steps of [−5, 5], so never x = 0. */
export const TYPED_CHECK_RANGE: readonly [number, number] = [-5, 5];
export const TYPED_CHECK_POINTS = 40;

function compileField(text: string, field: TypedField): (x: number) => { v: number; dx: number } {
  try {
    const dual = compileDual(parseExpression(text, ['x']));
    return (x) => dual(x, 0);
  } catch (error) {
    if (error instanceof ExpressionError) {
      const what = field === 'f' ? 'f(x)' : 'f′(x)';
      throw new TypedActivationError(`${what}: ${error.message}`, field, error.column);
    }
    throw error;
  }
}

/**
 * Compiles f(x) and, when given (not blank), f′(x), in x alone.
 * @throws TypedActivationError at the field and column of a typing mistake.
 */
export function compileTypedActivation(f: string, df?: string): TypedActivation {
  const value = compileField(f, 'f');
  const activation: TypedActivation = { value: (x) => value(x).v, derivative: (x) => value(x).dx };
  if (df !== undefined && df.trim() !== '') {
    const typed = compileField(df, 'df');
    activation.typed = (x) => typed(x).v;
  }
  return activation;
}

/** What checking a derivative against central differences of f found. */
export interface DerivativeCheck {
  /** The points checked. */
  x: Float64Array;
  /** The checked derivative at each point, and the central difference (f(x + ε) − f(x − ε)) / 2ε. */
  analytic: Float64Array;
  numerical: Float64Array;
  /** ‖f′ − difference‖₂ over the points: what scipy's check_grad returns for Σ f(xᵢ). */
  error: number;
  relativeError: number;
  /** check_grad's error below the exercise's 1e-5, or the relative error below the lab's 1e-6 (for a function of large values), and every value finite. */
  ok: boolean;
  /** The point where the two differ most, and by how much (NaN where a value is not a finite number). */
  worst: { x: number; analytic: number; numerical: number; error: number };
  /** Set when f or the derivative is not a finite number at a point (e.g. log of a negative number). */
  problem?: string;
}

/**
 * Checks `derivative` against central differences of `value` at `count` midpoints of [lo, hi], like the exercise's
 * check_grad cell on an elementwise function.
 */
export function checkDerivative(
  value: (x: number) => number,
  derivative: (x: number) => number,
  range: readonly [number, number] = TYPED_CHECK_RANGE,
  count = TYPED_CHECK_POINTS,
  epsilon = GRADCHECK_EPSILON,
): DerivativeCheck {
  const [lo, hi] = range;
  const x = Float64Array.from({ length: count }, (_, i) => lo + ((hi - lo) * (i + 0.5)) / count);
  const analytic = x.map(derivative);
  const numerical = x.map((xi) => (value(xi + epsilon) - value(xi - epsilon)) / (2 * epsilon));
  const broken = x.findIndex((xi, i) => !Number.isFinite(value(xi)) || !Number.isFinite(analytic[i]!) || !Number.isFinite(numerical[i]!));
  if (broken >= 0) {
    const at = x[broken]!;
    const what = Number.isFinite(value(at)) ? (Number.isFinite(analytic[broken]!) ? 'the central difference of f' : 'the derivative') : 'f(x)';
    return {
      x,
      analytic,
      numerical,
      error: Number.NaN,
      relativeError: Number.NaN,
      ok: false,
      worst: { x: at, analytic: analytic[broken]!, numerical: numerical[broken]!, error: Number.NaN },
      problem: `${what} is not a finite number at x = ${Number(at.toPrecision(6))}`,
    };
  }
  const compared = compareGradients(analytic, numerical, GRADCHECK_THRESHOLD);
  const index = compared.worst.index;
  return {
    x,
    analytic,
    numerical,
    error: compared.error,
    relativeError: compared.relativeError,
    ok: compared.error < EXERCISE_ERROR_THRESHOLD || compared.ok,
    worst: { x: x[index]!, analytic: analytic[index]!, numerical: numerical[index]!, error: Math.abs(analytic[index]! - numerical[index]!) },
  };
}

/** Checks the typed f′ (else the derivative by automatic differentiation) of a typed activation. */
export function checkTypedActivation(activation: TypedActivation, range?: readonly [number, number], count?: number, epsilon?: number): DerivativeCheck {
  return checkDerivative(activation.value, activation.typed ?? activation.derivative, range, count, epsilon);
}
