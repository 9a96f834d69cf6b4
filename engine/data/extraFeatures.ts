// The extra input features of 2-feature data (x², y², xy, sin x, sin y, as TensorFlow Playground) and how they are computed; pure, any process.
import { z } from 'zod';

/** The features that can be added to data with two features x and y, in the order they are appended. */
export const EXTRA_FEATURES = ['x2', 'y2', 'xy', 'sinx', 'siny'] as const;
export type ExtraFeature = (typeof EXTRA_FEATURES)[number];

/** How each extra feature is written for a reader, from the names of the two features. */
export const EXTRA_FEATURE_TITLES: Record<ExtraFeature, (x: string, y: string) => string> = {
  x2: (x) => `${x}²`,
  y2: (_x, y) => `${y}²`,
  xy: (x, y) => `${x}·${y}`,
  sinx: (x) => `sin ${x}`,
  siny: (_x, y) => `sin ${y}`,
};

const COMPUTE: Record<ExtraFeature, (x: number, y: number) => number> = {
  x2: (x) => x * x,
  y2: (_x, y) => y * y,
  xy: (x, y) => x * y,
  sinx: (x) => Math.sin(x),
  siny: (_x, y) => Math.sin(y),
};

export const ExtraFeatureSchema = z.enum(EXTRA_FEATURES, {
  error: (issue) => `unknown extra feature ${JSON.stringify(issue.input)}; known: ${EXTRA_FEATURES.join(', ')}`,
});

/** A set of extra features: each at most once. */
export const ExtraFeaturesSchema = z
  .array(ExtraFeatureSchema)
  .refine((list) => new Set(list).size === list.length, { message: 'each extra feature may be named only once' });

/** The extra features in their canonical order (EXTRA_FEATURES), whatever order they were given in. */
export function orderedExtras(extras: readonly ExtraFeature[]): ExtraFeature[] {
  return EXTRA_FEATURES.filter((feature) => extras.includes(feature));
}

/** The names of the expanded features: x, y, then each extra feature's title. */
export function expandedFeatureNames(names: readonly [string, string], extras: readonly ExtraFeature[]): string[] {
  return [...names, ...orderedExtras(extras).map((feature) => EXTRA_FEATURE_TITLES[feature](names[0], names[1]))];
}

/**
 * Appends the extra features to rows of two features: `points` is row-major rows×2, the result rows×(2 + k) with each
 * row's x, y, then the extras in canonical order (see orderedExtras), computed from that row's x and y.
 */
export function expandFeatures(points: Float64Array, rows: number, extras: readonly ExtraFeature[]): Float64Array {
  const ordered = orderedExtras(extras);
  if (ordered.length === 0) return points;
  const width = 2 + ordered.length;
  const expanded = new Float64Array(rows * width);
  for (let r = 0; r < rows; r++) {
    const x = points[r * 2]!;
    const y = points[r * 2 + 1]!;
    const at = r * width;
    expanded[at] = x;
    expanded[at + 1] = y;
    for (let k = 0; k < ordered.length; k++) expanded[at + 2 + k] = COMPUTE[ordered[k]!](x, y);
  }
  return expanded;
}
