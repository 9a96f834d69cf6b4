// Which points of a long series a chart draws (pure, any process): every one up to a limit, beyond it every 2^k-th and the last.

/** What a decimated series is read from: an array, or anything else indexed the same way. */
export interface Indexed<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

/**
 * The indices to draw of a series of `length` points, at most about `maxPoints`: all of them while they fit, else every
 * stride-th from the first, the stride a power of two (so the points drawn stay the same as the series grows, until the
 * stride doubles), and always the last. Only what is drawn is thinned: the series itself is kept whole.
 */
export function decimatedIndices(length: number, maxPoints: number): number[] {
  if (length <= maxPoints) return Array.from({ length }, (_, i) => i);
  const stride = 2 ** Math.ceil(Math.log2(length / Math.max(1, maxPoints - 1)));
  const indices: number[] = [];
  for (let i = 0; i < length; i += stride) indices.push(i);
  if (indices.at(-1) !== length - 1) indices.push(length - 1);
  return indices;
}

/** The points of `series` to draw, at most about `maxPoints` (see decimatedIndices), mapped by `point`. */
export function decimatedPoints<T, P>(series: Indexed<T>, maxPoints: number, point: (item: T) => P): P[] {
  return decimatedIndices(series.length, maxPoints).map((i) => point(series.at(i)!));
}
