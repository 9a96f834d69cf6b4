// The error-against-epsilon curve made safe for a log scale: zero errors clamped to a floor the chart names (renderer).

/** One point of the error curve as drawn: `clamped` when the error was 0 (or below the floor) and sits on the floor. */
export interface ErrorPoint {
  epsilon: number;
  error: number;
  clamped: boolean;
}

export interface ClampedErrorCurve {
  points: ErrorPoint[];
  /** The lowest error the log axis shows; zero errors are drawn here. */
  floor: number;
  /** How many errors were 0 and now sit on the floor. */
  clampedCount: number;
}

/** 10^k exactly as written: 10 ** -4 is 0.00009999999999999999, Number('1e-4') is 0.0001. */
export function powerOfTen(k: number): number {
  return Number(`1e${k}`);
}

/** The floor used when every error is 0, and the highest a floor under zero errors may sit. */
export const DEFAULT_ERROR_FLOOR = 1e-17;

/**
 * The bottom of the log axis. Without zero errors: the power of ten at or under the smallest error. With zero errors:
 * a power of ten a decade under the smallest positive error and at most DEFAULT_ERROR_FLOOR, so the zeros drawn there
 * cannot be mistaken for a tiny but real error.
 */
export function errorFloor(errors: ArrayLike<number>): number {
  let smallest = Number.POSITIVE_INFINITY;
  let hasZero = false;
  for (let i = 0; i < errors.length; i++) {
    const e = errors[i]!;
    if (e === 0) hasZero = true;
    else if (e > 0 && Number.isFinite(e) && e < smallest) smallest = e;
  }
  if (!Number.isFinite(smallest)) return DEFAULT_ERROR_FLOOR;
  const k = Math.floor(Math.log10(smallest) + 1e-9);
  return hasZero ? Math.min(DEFAULT_ERROR_FLOOR, powerOfTen(k - 1)) : powerOfTen(k);
}

/** Pairs epsilons with errors, dropping non-finite ones and putting zero errors on the floor. */
export function clampErrorCurve(epsilon: ArrayLike<number>, error: ArrayLike<number>): ClampedErrorCurve {
  const floor = errorFloor(error);
  const points: ErrorPoint[] = [];
  let clampedCount = 0;
  for (let i = 0; i < Math.min(epsilon.length, error.length); i++) {
    const eps = epsilon[i]!;
    const err = error[i]!;
    if (!(eps > 0) || !Number.isFinite(eps) || !Number.isFinite(err)) continue;
    const clamped = err < floor;
    if (clamped) clampedCount += 1;
    points.push({ epsilon: eps, error: clamped ? floor : err, clamped });
  }
  return { points, floor, clampedCount };
}

/** The point where the error is smallest (the V's floor), ignoring clamped points unless every point is clamped. */
export function bestEpsilon(points: readonly ErrorPoint[]): ErrorPoint | undefined {
  const candidates = points.some((p) => !p.clamped) ? points.filter((p) => !p.clamped) : points;
  let best: ErrorPoint | undefined;
  for (const p of candidates) if (!best || p.error < best.error) best = p;
  return best;
}

/** A number for a label: a power of ten as "1e-8" (1 as "1"), 0.001 to 9999 plainly ("0.5", "0.25"), else "2.5e-7". */
export function formatNumber(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const exponent = Math.round(Math.log10(Math.abs(value)));
  if (Math.abs(Math.abs(value) / 10 ** exponent - 1) < 1e-9 && (exponent < -3 || exponent > 3)) return `${value < 0 ? '-' : ''}1e${exponent}`;
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e4) return String(Number(value.toPrecision(3)));
  return value.toExponential(1).replace('e+', 'e');
}

/** A value on a log axis: a power of ten always as "1e-3" (1 as "1"), anything else as formatNumber writes it. */
export function formatDecade(value: number): string {
  if (value === 1) return '1';
  const exponent = Math.round(Math.log10(value));
  if (value > 0 && Math.abs(value / 10 ** exponent - 1) < 1e-9) return `1e${exponent}`;
  return formatNumber(value);
}
