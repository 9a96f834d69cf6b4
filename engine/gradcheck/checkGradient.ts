// Finite-difference gradient checking, reported like scipy's check_grad plus a relative error; pure, any process.

/** The outcome of comparing an analytic gradient with central differences. */
export interface GradientCheck {
  /** ‖g − g_num‖₂, what scipy.optimize.check_grad returns. */
  error: number;
  /** ‖g − g_num‖₂ / max(‖g‖₂, ‖g_num‖₂); 0 when both are zero. Independent of the function's scale. */
  relativeError: number;
  analytic: Float64Array;
  numerical: Float64Array;
}

/**
 * The central-difference gradient (f(x + ε·e_i) − f(x − ε·e_i)) / 2ε of `f` at `x`, one coordinate at a time.
 * `x` is perturbed in place and restored exactly.
 */
export function numericalGradient(f: (x: Float64Array) => number, x: Float64Array, epsilon = 1e-6): Float64Array {
  const gradient = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const original = x[i]!;
    x[i] = original + epsilon;
    const above = f(x);
    x[i] = original - epsilon;
    const below = f(x);
    x[i] = original;
    gradient[i] = (above - below) / (2 * epsilon);
  }
  return gradient;
}

function norm(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value * value;
  return Math.sqrt(sum);
}

/** Compares `gradient(x)` with the central-difference gradient of `f` at `x`. */
export function checkGradient(
  f: (x: Float64Array) => number, gradient: (x: Float64Array) => Float64Array, x: Float64Array, epsilon = 1e-6,
): GradientCheck {
  const analytic = Float64Array.from(gradient(x));
  const numerical = numericalGradient(f, x, epsilon);
  if (analytic.length !== numerical.length) {
    throw new Error(`the gradient has ${analytic.length} values but the point has ${numerical.length}`);
  }
  const difference = analytic.map((value, i) => value - numerical[i]!);
  const error = norm(difference);
  const scale = Math.max(norm(analytic), norm(numerical));
  return { error, relativeError: scale === 0 ? 0 : error / scale, analytic, numerical };
}
