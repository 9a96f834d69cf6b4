// Finite-difference gradient checking, reported like scipy's check_grad plus a relative error and the worst entry; pure, any process.
import { runSteps, type Steps } from '../work/steps.js';

/** A check passes when its relative error is below this. */
export const GRADCHECK_THRESHOLD = 1e-6;
/** The central-difference step used when none is given. */
export const GRADCHECK_EPSILON = 1e-6;
/** Guards the relative error's denominator when both gradients are zero. */
const TINY = 1e-300;

/** The outcome of comparing an analytic gradient with central differences. */
export interface GradientCheck {
  /** ‖g − g_num‖₂, what scipy.optimize.check_grad returns. */
  error: number;
  /** ‖g − g_num‖₂ / max(‖g‖₂ + ‖g_num‖₂, tiny): independent of the function's scale; 0 when both are zero. */
  relativeError: number;
  /** The entry where |g − g_num| is largest. */
  worst: { index: number; analytic: number; numerical: number };
  /** relativeError < the threshold (GRADCHECK_THRESHOLD unless given). */
  ok: boolean;
  analytic: Float64Array;
  numerical: Float64Array;
}

/**
 * The central-difference gradient (f(x + ε·e_i) − f(x − ε·e_i)) / 2ε of `f` at `x`, one coordinate at a time.
 * `x` is perturbed in place and restored exactly.
 */
export function numericalGradient(f: (x: Float64Array) => number, x: Float64Array, epsilon = GRADCHECK_EPSILON): Float64Array {
  return runSteps(numericalGradientSteps(f, x, epsilon));
}

/** numericalGradient as steps: one coordinate (two evaluations of `f`) each, `x` restored before every yield. */
export function* numericalGradientSteps(f: (x: Float64Array) => number, x: Float64Array, epsilon = GRADCHECK_EPSILON): Steps<Float64Array> {
  const gradient = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const original = x[i]!;
    x[i] = original + epsilon;
    const above = f(x);
    x[i] = original - epsilon;
    const below = f(x);
    x[i] = original;
    gradient[i] = (above - below) / (2 * epsilon);
    yield;
  }
  return gradient;
}

function norm(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value * value;
  return Math.sqrt(sum);
}

/** Compares an analytic gradient with a numerical one. */
export function compareGradients(analytic: Float64Array, numerical: Float64Array, threshold = GRADCHECK_THRESHOLD): GradientCheck {
  if (analytic.length !== numerical.length) {
    throw new Error(`the gradient has ${analytic.length} values but the point has ${numerical.length}`);
  }
  const difference = analytic.map((value, i) => value - numerical[i]!);
  let worstIndex = 0;
  difference.forEach((value, i) => {
    if (Math.abs(value) > Math.abs(difference[worstIndex]!)) worstIndex = i;
  });
  const error = norm(difference);
  const relativeError = error === 0 ? 0 : error / Math.max(norm(analytic) + norm(numerical), TINY);
  return {
    error,
    relativeError,
    ok: relativeError < threshold,
    worst: { index: worstIndex, analytic: analytic[worstIndex] ?? 0, numerical: numerical[worstIndex] ?? 0 },
    analytic,
    numerical,
  };
}

/** Compares `gradient(x)` (copied at once) with the central-difference gradient of `f` at `x`. */
export function checkGradient(
  f: (x: Float64Array) => number,
  gradient: (x: Float64Array) => Float64Array,
  x: Float64Array,
  epsilon = GRADCHECK_EPSILON,
  threshold = GRADCHECK_THRESHOLD,
): GradientCheck {
  return runSteps(checkGradientSteps(f, gradient, x, epsilon, threshold));
}

/** checkGradient as steps (see numericalGradientSteps). */
export function* checkGradientSteps(
  f: (x: Float64Array) => number,
  gradient: (x: Float64Array) => Float64Array,
  x: Float64Array,
  epsilon = GRADCHECK_EPSILON,
  threshold = GRADCHECK_THRESHOLD,
): Steps<GradientCheck> {
  const analytic = Float64Array.from(gradient(x));
  return compareGradients(analytic, yield* numericalGradientSteps(f, x, epsilon), threshold);
}

/** One check with the name of what was checked (e.g. "dW", "layer 3 db"). */
export interface NamedCheck extends GradientCheck {
  name: string;
}
