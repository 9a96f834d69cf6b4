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

/** The legend's entries laid out left to right from their label lengths (about 6.6 px a character at 12 px). */
export function legendLayout(series: readonly LineSeries[]): { entries: (LineSeries & { x: number })[]; width: number } {
  const entries: (LineSeries & { x: number })[] = [];
  let x = 0;
  for (const s of series) {
    if (s.overlay || s.unlisted) continue;
    entries.push({ ...s, x });
    x += 34 + s.label.length * 6.6;
  }
  return { entries, width: Math.max(0, x - 8) };
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
  /** Pixels from the plot's top edge of a y value, on the chart's y axis. */
  yOf: (y: number) => number;
}
