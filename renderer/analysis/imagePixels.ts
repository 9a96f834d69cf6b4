// Many image pixels painted at once (renderer, pure, no DOM): a colour scale sampled into a table of RGB bytes, and values written through it into RGBA ImageData bytes.
import { rgb } from 'd3';

/** The RGB bytes of `levels` colours evenly spaced along a colour scale over t ∈ [0, 1]: entry i is colourAt(i / (levels − 1)). */
export function colourTable(colourAt: (t: number) => string, levels = 256): Uint8Array {
  const table = new Uint8Array(3 * levels);
  for (let i = 0; i < levels; i++) {
    const colour = rgb(colourAt(i / (levels - 1)));
    table.set([Math.round(colour.r), Math.round(colour.g), Math.round(colour.b)], 3 * i);
  }
  return table;
}

/**
 * Writes `values` as opaque RGBA pixels into `pixels` (4 bytes per value, in order): each value's `level` in [0, 1]
 * picks the nearest colour of `table`.
 */
export function paintPixels(pixels: Uint8ClampedArray, values: ArrayLike<number>, level: (value: number) => number, table: Uint8Array): void {
  if (pixels.length !== 4 * values.length) throw new Error(`${values.length} values need ${4 * values.length} bytes, not ${pixels.length}`);
  const top = table.length / 3 - 1;
  for (let i = 0; i < values.length; i++) {
    const t = level(values[i]!);
    const entry = 3 * Math.round(top * (t >= 0 ? (t <= 1 ? t : 1) : 0));
    pixels[4 * i] = table[entry]!;
    pixels[4 * i + 1] = table[entry + 1]!;
    pixels[4 * i + 2] = table[entry + 2]!;
    pixels[4 * i + 3] = 255;
  }
}
