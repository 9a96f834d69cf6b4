// The error function erf and its complement erfc in float64, accurate to about 1e-16 (a series and a continued fraction); pure, any process.

const TWO_OVER_SQRT_PI = 1.1283791670955126;
const ONE_OVER_SQRT_PI = 0.5641895835477563;
/** Below this |x| the series gives erf; above it the continued fraction gives erfc. */
const SERIES_LIMIT = 2;

/** e^(−x²) with x² carried to twice float64's precision (Dekker's product), so a large x loses no digits in the exponent. */
function expMinusSquare(x: number): number {
  const split = 134217729 * x;
  const high = split - (split - x);
  const low = x - high;
  const square = x * x;
  const error = high * high - square + 2 * high * low + low * low;
  return Math.exp(-square) * (1 - error);
}

/** erf(x) = (2/√π) e^(−x²) Σₙ x (2x²)ⁿ / (1·3·…·(2n+1)): every term positive, so nothing cancels. */
function erfSeries(x: number): number {
  const twiceSquare = 2 * x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= twiceSquare / (2 * n + 1);
    sum += term;
  }
  return TWO_OVER_SQRT_PI * expMinusSquare(x) * sum;
}

/**
 * The continued fraction's argument and result. Its loop makes it too large for V8 to inline, and a double passed to or
 * returned from a call that is not inlined becomes a new heap object each time: a GELU layer made about 1 KB of
 * garbage per minibatch so. Through this slot the call passes no number; the small function below is inlined.
 */
const slot = new Float64Array(1);

/** erfc(x) for x ≥ SERIES_LIMIT: e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), by the modified Lentz method. */
function continuedFractionInSlot(): void {
  const x = slot[0]!;
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  slot[0] = (ONE_OVER_SQRT_PI * expMinusSquare(x)) / f;
}

function erfcContinuedFraction(x: number): number {
  slot[0] = x;
  continuedFractionInSlot();
  return slot[0]!;
}

/** The error function erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (Math.abs(x) < SERIES_LIMIT) return erfSeries(x);
  const tail = erfcContinuedFraction(Math.abs(x));
  return x > 0 ? 1 - tail : tail - 1;
}

/** The complementary error function erfc(x) = 1 − erf(x), without the cancellation of computing it so for large x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x >= SERIES_LIMIT) return erfcContinuedFraction(x);
  if (x <= -SERIES_LIMIT) return 2 - erfcContinuedFraction(-x);
  return 1 - erfSeries(x);
}
