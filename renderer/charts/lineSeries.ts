// What a line chart draws of one series (renderer, pure): its points, and how its line and dots look, in the theme's colours.
import type { Point } from '../../plots/chartGeometry.js';

export interface LineSeries {
  key: string;
  label: string;
  points: readonly Point[];
  colour: string;
  /** An SVG stroke-dasharray, e.g. "6 3"; solid when not given. */
  dash?: string | undefined;
  /** The line's width in pixels (2 when not given). */
  width?: number | undefined;
  opacity?: number | undefined;
  /** Which points get a dot: every one, none (the default), or those whose x is in the set. */
  dots?: boolean | ReadonlySet<number> | undefined;
  dotRadius?: number | undefined;
  /** A past run drawn under the current one: a thinner line named by its tooltip, not in the legend. */
  overlay?: boolean | undefined;
  /** Left out of the chart's legend. */
  unlisted?: boolean | undefined;
  /** A class for the series' group, e.g. "curve". */
  group?: string | undefined;
}

/** Pixels between two rows of a wrapped legend. */
export const LEGEND_ROW_HEIGHT = 16;

/**
 * The legend's entries laid out left to right from their label lengths (about 6.6 px a character at 12 px); with
 * `maxWidth`, an entry that would pass it starts a new row, and `rows` says how many there are.
 */
export function legendLayout(
  series: readonly LineSeries[],
  maxWidth = Infinity,
): { entries: (LineSeries & { x: number; y: number })[]; width: number; rows: number } {
  const entries: (LineSeries & { x: number; y: number })[] = [];
  let x = 0;
  let row = 0;
  let width = 0;
  for (const s of series) {
    if (s.overlay || s.unlisted) continue;
    const size = 34 + s.label.length * 6.6;
    if (x > 0 && x + size - 8 > maxWidth) {
      row += 1;
      x = 0;
    }
    entries.push({ ...s, x, y: row * LEGEND_ROW_HEIGHT });
    x += size;
    width = Math.max(width, x - 8);
  }
  return { entries, width: Math.max(0, width), rows: entries.length ? row + 1 : 0 };
}

/** Whether point x of a series gets a dot. */
export function hasDot(series: Pick<LineSeries, 'dots'>, x: number): boolean {
  const dots = series.dots;
  return dots === true || (typeof dots === 'object' && dots.has(x));
}

/** What a line chart's marks are given to place things over its plot. */
export interface PlotArea {
  innerWidth: number;
  innerHeight: number;
  /** Pixels from the plot's left edge of an x value. */
  xOf: (x: number) => number;
  /** Pixels from the plot's top edge of a y value, on the chart's y scale. */
  yOf: (y: number) => number;
}
