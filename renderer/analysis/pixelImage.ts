// Pixels of small images (renderer): digits in grey, weights on a diverging scale centred at 0, saliency on a sequential one; pure, no DOM.
import { interpolateOrRd, interpolateRgbBasis, rgb } from 'd3';
import { DIVERGING_SCALE } from '../../plots/theme.js';

/** One pixel: row r and column c of the image, the feature p{r}{c} = values[r·width + c], and its colour. */
export interface PixelCell {
  r: number;
  c: number;
  /** The feature's name in the digits' columns, e.g. "p35". */
  name: string;
  value: number;
  fill: string;
}

/** Lays out `values` as a width×height image, row-major (pixel (r, c) is values[r·width + c]), coloured by `colour`. */
export function imageCells(values: ArrayLike<number>, width: number, height: number, colour: (value: number) => string): PixelCell[] {
  if (values.length !== width * height) throw new Error(`a ${width}×${height} image needs ${width * height} values, not ${values.length}`);
  const cells: PixelCell[] = [];
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const value = values[r * width + c]!;
      cells.push({ r, c, name: pixelName(r, c, width, height), value, fill: colour(value) });
    }
  }
  return cells;
}

/** The feature name of pixel (r, c): p00…p77 as the digits' columns are named; p12_3 once a row or column number can have two digits. */
export function pixelName(r: number, c: number, width: number, height: number): string {
  return width <= 10 && height <= 10 ? `p${r}${c}` : `p${r}_${c}`;
}

const grey = (level: number) => {
  const v = Math.round(255 * Math.min(1, Math.max(0, level)));
  return rgb(v, v, v).formatHex();
};

/**
 * Grey levels for one image, stretched over its own range: its smallest value is black and its largest white (the
 * features are normalised, so only their order within the image matters). A flat image is mid grey.
 */
export function greyScale(values: ArrayLike<number>): (value: number) => string {
  const finite = Array.from(values).filter(Number.isFinite);
  const lo = finite.length ? Math.min(...finite) : 0;
  const hi = finite.length ? Math.max(...finite) : 0;
  return (value) => (hi > lo ? grey((value - lo) / (hi - lo)) : grey(0.5));
}

/** The half-width m of a domain [−m, m] centred at 0 holding every finite value; 1 when all are 0 (or none is finite). */
export function symmetricExtent(values: Iterable<number>): number {
  let m = 0;
  for (const v of values) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  return m > 0 ? m : 1;
}

/**
 * A diverging colour scale on [−m, m], centred at 0: negative values red, 0 white, positive values blue, equally
 * strong at equal distances from 0. Values beyond ±m take the end colours.
 */
export function divergingColour(m: number): (value: number) => string {
  if (!(m > 0)) throw new Error('the diverging scale needs a positive half-width');
  return (value) => rgb(divergingAt(divergingLevel(value, m))).formatHex();
}

/** The theme's diverging scale at t ∈ [0, 1]: red at 0, near white at 0.5, blue at 1. */
export const divergingAt = interpolateRgbBasis([...DIVERGING_SCALE]);

/** Where `value` sits on a diverging scale over [−m, m], as t ∈ [0, 1] (clamped; 0.5 for a value that is not finite). */
export function divergingLevel(value: number, m: number): number {
  return Number.isFinite(value) ? 0.5 + 0.5 * Math.min(1, Math.max(-1, value / m)) : 0.5;
}

/** A sequential scale on [0, max] for magnitudes such as saliency: pale at 0, dark red at max. */
export function magnitudeColour(max: number): (value: number) => string {
  const top = max > 0 ? max : 1;
  return (value) => rgb(interpolateOrRd(0.05 + 0.95 * Math.min(1, Math.max(0, value / top)))).formatHex();
}

/** The largest finite value of `values`, 0 when there is none. */
export function maxOf(values: Iterable<number>): number {
  let m = 0;
  for (const v of values) if (Number.isFinite(v) && v > m) m = v;
  return m;
}

/**
 * The columns of a row-major inputs×units matrix W (y = x·W + b) as one vector per unit: the weights from every input
 * to that unit, which for square inputs is that unit's image.
 */
export function unitColumns(W: Float64Array, inputs: number, units: number): Float64Array[] {
  if (W.length !== inputs * units) throw new Error(`W has ${W.length} values, not ${inputs}×${units}`);
  return Array.from({ length: units }, (_, u) => {
    const column = new Float64Array(inputs);
    for (let i = 0; i < inputs; i++) column[i] = W[i * units + u]!;
    return column;
  });
}
