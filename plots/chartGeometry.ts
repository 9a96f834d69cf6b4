// Pure geometry of a line chart — paths, points and ticks in its frame for fixed data; no DOM: LineChart draws it on screen and in files.
import { format, scaleLog } from 'd3';
import { innerSize, scaleTicks, sizedFrame, type ChartFrame, type Tick } from './chartFrame.js';

export interface Point {
  x: number;
  y: number;
}
export interface SeriesInput {
  key: string;
  label: string;
  points: readonly Point[];
}
export interface PlottedPoint extends Point {
  cx: number;
  cy: number;
}
export interface PlottedSeries {
  key: string;
  label: string;
  path: string;
  points: PlottedPoint[];
}

export interface LineChartGeometry {
  innerWidth: number;
  innerHeight: number;
  yDomain: [number, number];
  xTicks: Tick[];
  yTicks: Tick[];
  series: PlottedSeries[];
  /** Pixels from the plot's top edge of a y value, on the chart's scale. */
  yOf: (y: number) => number;
}

export interface LineChartInput {
  frame: ChartFrame;
  xDomain: [number, number];
  yDomain: [number, number];
  series: readonly SeriesInput[];
  xTickCount?: number;
  yTickCount?: number;
  /** Only whole-number x ticks (epochs). */
  integerX?: boolean;
  /** A linear y axis (the default), or a log one on which values at or below 0 are left out. */
  yScale?: 'linear' | 'log';
  /** Which series (by index) have their points placed, for dots: every one when not given; the others get an empty list. */
  placePoints?: (index: number) => boolean;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * An SVG path through the points that pass `drawable`, in pixels rounded to hundredths: "M" starts each run of them,
 * "L" joins the next, and a run of one point is closed ("Mx,yZ") — the same text as d3's line with digits(2), made in
 * one pass without a point object or a generator call per point (a live curve has a thousand points, drawn five times
 * a second).
 */
export function linePath(points: readonly Point[], x: (value: number) => number, y: (value: number) => number, drawable: (p: Point) => boolean): string {
  let path = '';
  let run = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (!drawable(p)) {
      if (run === 1) path += 'Z';
      run = 0;
      continue;
    }
    path += `${run === 0 ? 'M' : 'L'}${round2(x(p.x))},${round2(y(p.y))}`;
    run += 1;
  }
  if (run === 1) path += 'Z';
  return path;
}

/** Runs up to this many epochs show their whole planned length from the start. */
export const WHOLE_RUN_EPOCHS = 200;

/**
 * The x extent of a learning curve. A run of up to WHOLE_RUN_EPOCHS planned epochs spans them all from the start, so the
 * curve visibly grows across the chart; a longer run spans the next power-of-two multiple of 100 above the epochs
 * done so far (at most the planned epochs), so its points are never squeezed against the left edge.
 */
export function epochDomain(plannedEpochs: number, lastEpoch: number): [number, number] {
  if (plannedEpochs <= WHOLE_RUN_EPOCHS) return [0, Math.max(1, plannedEpochs, lastEpoch)];
  let end = 100;
  while (end < lastEpoch * 1.1 && end < plannedEpochs) end *= 2;
  return [0, Math.max(lastEpoch, Math.min(end, plannedEpochs))];
}

/** A loss axis from 0 to the largest finite loss seen (0..1 before any data). */
export function lossDomain(values: readonly number[]): [number, number] {
  let top = -Infinity;
  for (const v of values) if (Number.isFinite(v) && v > top) top = v;
  if (top === -Infinity) top = 1;
  return [0, top > 0 ? top : 1];
}

/** An accuracy axis ending at 1 and starting at the tenth below the lowest accuracy seen (0..1 before any data). */
export function accuracyDomain(values: readonly number[]): [number, number] {
  let lowest = Infinity;
  for (const v of values) if (Number.isFinite(v) && v < lowest) lowest = v;
  if (lowest === Infinity) return [0, 1];
  const low = Math.floor(lowest * 10) / 10;
  return [Math.max(0, Math.min(low, 0.9)), 1];
}

const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** 10⁻³, 10⁰, 10⁵: a power of ten as a tick label. */
function powerOfTen(exponent: number): string {
  const digits = String(Math.abs(exponent)).replace(/\d/g, (d) => superscripts[Number(d)]!);
  return `10${exponent < 0 ? '⁻' : ''}${digits}`;
}

/**
 * A log y scale over a positive domain (a non-positive one becomes 1e−12 … 1), widened to whole decades, with ticks at
 * the decades (every k-th when there are many) labelled 10ⁿ, or at 1-2-5 steps when the domain spans two decades or fewer.
 */
export function logAxis(
  domain: readonly [number, number],
  innerHeight: number,
  tickCount: number,
): { y: (value: number) => number; domain: [number, number]; ticks: Tick[] } {
  const hi = domain[1] > 0 ? domain[1] : 1;
  const lo = domain[0] > 0 && domain[0] < hi ? domain[0] : Math.min(hi / 10, 1e-12);
  const scale = scaleLog().domain([lo, hi]).range([innerHeight, 0]).nice();
  const [d0, d1] = scale.domain() as [number, number];
  const decades = Math.round(Math.log10(d1 / d0));
  let values: number[];
  let label: (value: number) => string;
  if (decades <= 2) {
    values = scale.ticks(tickCount).filter((v) => [1, 2, 5].includes(Math.round(v / 10 ** Math.floor(Math.log10(v) + 1e-9))));
    label = format('~g');
  } else {
    const every = Math.max(1, Math.ceil(decades / Math.max(1, tickCount)));
    const first = Math.round(Math.log10(d0));
    values = Array.from({ length: decades + 1 }, (_, i) => first + i)
      .filter((e) => (e - first) % every === 0)
      .map((e) => 10 ** e);
    label = (v) => powerOfTen(Math.round(Math.log10(v)));
  }
  const ticks = values.map((value) => ({ value, label: label(value), offset: Math.round(scale(value) * 100) / 100 }));
  return { y: (value) => scale(value), domain: [d0, d1], ticks };
}

/** Computes where everything in a line chart goes: scales, ticks, one path and its points per series. */
export function lineChartGeometry(input: LineChartInput): LineChartGeometry {
  const { xTickCount = 8, yTickCount = 5 } = input;
  const linearFrame = sizedFrame(input.frame, input.xDomain, input.yDomain, yTickCount);
  const { x, innerWidth, innerHeight } = linearFrame;
  const log = input.yScale === 'log' ? logAxis(input.yDomain, innerSize(input.frame).innerHeight, yTickCount) : undefined;
  const y = log ? log.y : linearFrame.y;
  const xTicks = scaleTicks(x, xTickCount, input.integerX ? { format: format(',d'), keep: Number.isInteger } : {});
  const yTicks = log ? log.ticks : scaleTicks(linearFrame.y, yTickCount);
  const drawable = log ? (p: Point) => Number.isFinite(p.x) && Number.isFinite(p.y) && p.y > 0 : (p: Point) => Number.isFinite(p.x) && Number.isFinite(p.y);

  const placed = input.placePoints ?? (() => true);
  const series = input.series.map((s, index) => ({
    key: s.key,
    label: s.label,
    path: linePath(s.points, x, y, drawable),
    points: placed(index) ? s.points.filter(drawable).map((p) => ({ x: p.x, y: p.y, cx: round2(x(p.x)), cy: round2(y(p.y)) })) : [],
  }));

  const [y0, y1] = log ? log.domain : linearFrame.y.domain();
  return { innerWidth, innerHeight, yDomain: [y0 ?? 0, y1 ?? 1], xTicks, yTicks, series, yOf: (value) => y(value) };
}
