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

/** erf(x) = (2/√π) e^(−x²) Σₙ x (2x²)ⁿ / (1·3·…·(2n+1)): every term positive, so nothing cancels; `e` is e^(−x²). */
function erfSeries(x: number, e: number): number {
  const twiceSquare = 2 * x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= twiceSquare / (2 * n + 1);
    sum += term;
  }
  return TWO_OVER_SQRT_PI * e * sum;
}

/** erfc(x) for x ≥ SERIES_LIMIT: e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), by the modified Lentz method; `e` is e^(−x²). */
function erfcContinuedFraction(x: number, e: number): number {
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
  return (ONE_OVER_SQRT_PI * e) / f;
}

// Each of erf and erfc calls every helper once (e^(−x²) is even in x, so one value serves both signs): small enough in
// all for V8 to inline the whole of erfc into a loop over a buffer (GELU's), which then boxes no number per entry.

/** The error function erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const e = expMinusSquare(x);
  if (Math.abs(x) < SERIES_LIMIT) return erfSeries(x, e);
  const tail = erfcContinuedFraction(Math.abs(x), e);
  return x > 0 ? 1 - tail : tail - 1;
}

/** The complementary error function erfc(x) = 1 − erf(x), without the cancellation of computing it so for large x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const e = expMinusSquare(x);
  if (Math.abs(x) < SERIES_LIMIT) return 1 - erfSeries(x, e);
  const tail = erfcContinuedFraction(Math.abs(x), e);
  return x > 0 ? tail : 2 - tail;
}
