// Central differences of scalar functions, and how their error changes with epsilon (truncation vs round-off); pure.
import type { ScalarFunction } from './catalog.js';

/** The exercise's central difference: (f(x + ε/2) − f(x − ε/2)) / ε. Its truncation error shrinks like ε². */
export function centralDifference(f: (x: number) => number, x: number, epsilon: number): number {
  return (f(x + epsilon / 2) - f(x - epsilon / 2)) / epsilon;
}

/** A function sampled on a grid with its symbolic and numerical derivatives side by side. */
export interface DerivativeSamples {
  x: Float64Array;
  value: Float64Array;
  symbolic: Float64Array;
  numerical: Float64Array;
}

/** Samples f, f′ and the central difference with `epsilon` at `count` evenly spaced points of [lo, hi]. */
export function sampleDerivatives(fn: ScalarFunction, lo: number, hi: number, count: number, epsilon: number): DerivativeSamples {
  if (!(count >= 2 && hi > lo)) throw new Error('sampling needs at least 2 points and hi > lo');
  if (!(epsilon > 0)) throw new Error('epsilon must be a positive number');
  const out: DerivativeSamples = {
    x: new Float64Array(count),
    value: new Float64Array(count),
    symbolic: new Float64Array(count),
    numerical: new Float64Array(count),
  };
  for (let i = 0; i < count; i++) {
    const x = lo + ((hi - lo) * i) / (count - 1);
    out.x[i] = x;
    out.value[i] = fn.value(x);
    out.symbolic[i] = fn.derivative(x);
    out.numerical[i] = centralDifference(fn.value, x, epsilon);
  }
  return out;
}

/** Epsilons spaced evenly in log10 from 10^fromExponent to 10^toExponent (inclusive). */
export function logSpacedEpsilons(fromExponent = -14, toExponent = 0, perDecade = 4): number[] {
  const count = (toExponent - fromExponent) * perDecade + 1;
  return Array.from({ length: count }, (_, i) => 10 ** (fromExponent + i / perDecade));
}

/**
 * |central difference − symbolic derivative| at x for each epsilon. For a smooth function the error falls like ε²
 * (truncation) until round-off, which grows like machine ε / ε, takes over: the curve is a V with its floor near ε ≈ 1e-5.
 */
export function differenceError(fn: ScalarFunction, x: number, epsilons: readonly number[]): Array<{ epsilon: number; error: number }> {
  const exact = fn.derivative(x);
  return epsilons.map((epsilon) => ({ epsilon, error: Math.abs(centralDifference(fn.value, x, epsilon) - exact) }));
}
