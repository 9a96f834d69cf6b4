// The one frame of every chart (pure, any process): the outer size and margins, the data area, its scales and their ticks — for line charts and for charts of a plane (contours, landscapes).
import { scaleLinear, type ScaleLinear } from 'd3';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}
/** The chart's outer size in pixels and the margin kept for title, legend, ticks and axis labels. */
export interface ChartFrame {
  width: number;
  height: number;
  margin: Margin;
}
/** A tick: its data value, its text, and its offset in pixels along the axis from the plot's origin corner. */
export interface Tick {
  value: number;
  label: string;
  offset: number;
}
export interface XY {
  x: number;
  y: number;
}
export interface Bounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** A frame with its data area (innerWidth × innerHeight, offset by the margin) and the scales into it. */
export interface PlotFrame extends ChartFrame {
  innerWidth: number;
  innerHeight: number;
  /** x → pixels from the data area's left edge. */
  x: ScaleLinear<number, number>;
  /** y → pixels from the data area's top edge; y grows upwards, so the range is flipped. */
  y: ScaleLinear<number, number>;
}

/** The data area left inside an outer size once the margin is taken (never negative). */
export function innerSize(frame: ChartFrame): { innerWidth: number; innerHeight: number } {
  return {
    innerWidth: Math.max(0, frame.width - frame.margin.left - frame.margin.right),
    innerHeight: Math.max(0, frame.height - frame.margin.top - frame.margin.bottom),
  };
}

/** A frame whose data area spans `bounds` over innerWidth × innerHeight pixels (a plane chart: its size follows the data area). */
export function plotFrame(bounds: Bounds, innerWidth: number, innerHeight: number, margin: Margin): PlotFrame {
  return {
    width: innerWidth + margin.left + margin.right,
    height: innerHeight + margin.top + margin.bottom,
    margin,
    innerWidth,
    innerHeight,
    x: scaleLinear().domain([bounds.xMin, bounds.xMax]).range([0, innerWidth]),
    y: scaleLinear().domain([bounds.yMin, bounds.yMax]).range([innerHeight, 0]),
  };
}

/**
 * A frame of a given outer size whose data area spans the domains (a line chart: its data area follows the size); with
 * `niceY`, the y domain is widened to round values for about that many ticks.
 */
export function sizedFrame(frame: ChartFrame, xDomain: readonly [number, number], yDomain: readonly [number, number], niceY?: number): PlotFrame {
  const { innerWidth, innerHeight } = innerSize(frame);
  const y = scaleLinear()
    .domain([...yDomain])
    .range([innerHeight, 0]);
  if (niceY !== undefined) y.nice(niceY);
  return {
    ...frame,
    innerWidth,
    innerHeight,
    x: scaleLinear()
      .domain([...xDomain])
      .range([0, innerWidth]),
    y,
  };
}

/** Ticks of a linear scale: about `count` round values, labelled by `format` (d3's default for the scale otherwise), offsets rounded to `digits`. */
export function scaleTicks(
  scale: ScaleLinear<number, number>,
  count: number,
  options: { format?: (value: number) => string; keep?: (value: number) => boolean; digits?: number } = {},
): Tick[] {
  const label = options.format ?? scale.tickFormat(count);
  const factor = 10 ** (options.digits ?? 2);
  return scale
    .ticks(count)
    .filter(options.keep ?? (() => true))
    .map((value) => ({ value, label: label(value), offset: Math.round(scale(value) * factor) / factor }));
}

/** Axis ticks of a plane chart: offsets in pixels from the data area's left (x) and top (y). */
export function plotTicks(frame: PlotFrame, count = 6): { xTicks: Tick[]; yTicks: Tick[] } {
  return { xTicks: scaleTicks(frame.x, count, { digits: 1 }), yTicks: scaleTicks(frame.y, count, { digits: 1 }) };
}

/** Pixels within the data area of a point of the plane. */
export function dataToScreen(frame: PlotFrame, point: XY): { px: number; py: number } {
  return { px: frame.x(point.x), py: frame.y(point.y) };
}

/** The plane's point under pixel (px, py) of the data area (a click). */
export function screenToData(frame: PlotFrame, px: number, py: number): XY {
  return { x: frame.x.invert(px), y: frame.y.invert(py) };
}

/** A coordinate rounded to about a four-hundredth of the span it lies in (a click picks no finer than a pixel). */
export function roundToSpan(value: number, span: number): number {
  const decimals = Math.max(0, Math.min(8, Math.ceil(-Math.log10(span / 400))));
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
