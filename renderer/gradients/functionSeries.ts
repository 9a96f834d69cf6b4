// Turns a functions.samples answer into chart series and domains, and maps a click on a chart back to x (renderer).
import type { FunctionSamples } from '../../engine/protocol/functions.js';
import type { SeriesInput } from '../../plots/chartGeometry.js';

type Samples = Pick<FunctionSamples, 'x' | 'value' | 'symbolic' | 'numerical'>;

function pointsOf(x: Float64Array, y: Float64Array): { x: number; y: number }[] {
  return Array.from(x, (xi, i) => ({ x: xi, y: y[i]! }));
}

/** The function itself: one series. */
export function valueSeries(samples: Samples): SeriesInput[] {
  return [{ key: 'value', label: 'f(x)', points: pointsOf(samples.x, samples.value) }];
}

/** The derivative: the symbolic one as a line, the central difference as dashed line and points. */
export function derivativeSeries(samples: Samples): SeriesInput[] {
  return [
    { key: 'symbolic', label: 'Symbolic f′(x)', points: pointsOf(samples.x, samples.symbolic) },
    { key: 'numerical', label: 'Central difference', points: pointsOf(samples.x, samples.numerical) },
  ];
}

/**
 * The samples whose central difference is drawn as a point: every `every`-th, and every one that is visibly off the
 * symbolic derivative (by more than 1% of the chart's height), so a difference across a kink always shows.
 */
export function markedSamples(samples: Samples, every = 5): Set<number> {
  const [lo, hi] = paddedDomain(samples.symbolic, samples.numerical);
  const visible = (hi - lo) * 0.01;
  const marked = new Set<number>();
  samples.x.forEach((x, i) => {
    const off = Math.abs(samples.numerical[i]! - samples.symbolic[i]!);
    if (i % every === 0 || i === samples.x.length - 1 || !(off <= visible)) marked.add(x);
  });
  return marked;
}

/** A y domain holding every finite value, with 6% room above and below (±1 around a constant). */
export function paddedDomain(...arrays: ArrayLike<number>[]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const values of arrays) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!Number.isFinite(lo)) return [0, 1];
  if (hi - lo < 1e-12) return [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.06;
  return [lo - pad, hi + pad];
}

/**
 * The x a click at `offset` pixels from the plot's left edge points at, rounded to the power of ten at or under a
 * thousandth of the domain's span (0.01 on [-5, 5]), and kept inside the domain.
 */
export function xAtOffset(offset: number, innerWidth: number, domain: readonly [number, number]): number {
  const [lo, hi] = domain;
  const fraction = Math.min(1, Math.max(0, innerWidth > 0 ? offset / innerWidth : 0));
  const raw = lo + fraction * (hi - lo);
  const step = 10 ** Math.floor(Math.log10((hi - lo) / 1000));
  const rounded = Math.round(raw / step) * step;
  return Number(rounded.toFixed(Math.max(0, -Math.floor(Math.log10(step)))));
}

/** A default point to study: 60% of the way along the domain, rounded to two significant decimals of its span. */
export function defaultAt(domain: readonly [number, number]): number {
  const [lo, hi] = domain;
  const step = 10 ** Math.floor(Math.log10((hi - lo) / 10));
  return Number((Math.round((lo + 0.6 * (hi - lo)) / step) * step).toFixed(Math.max(0, -Math.floor(Math.log10(step)))));
}

/** The kink nearest to `at`, if the function has one. */
export function nearestKink(kinks: readonly number[], at: number): number | undefined {
  let best: number | undefined;
  for (const k of kinks) if (best === undefined || Math.abs(k - at) < Math.abs(best - at)) best = k;
  return best;
}
