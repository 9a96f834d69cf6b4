// Pure geometry of a line chart — paths, points and ticks in its frame for fixed data; no DOM: LineChart draws it on screen and in files.
import { format, line, scaleLog } from 'd3';
import { scaleTicks, sizedFrame, type ChartFrame, type Tick } from './chartFrame.js';

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
  /** 'log': a base-10 y axis over whole decades (see logDomain); values at or below 0 are left out. */
  yScale?: 'linear' | 'log';
}

const round2 = (v: number) => Math.round(v * 100) / 100;

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
  const finite = values.filter(Number.isFinite);
  const top = finite.length ? Math.max(...finite) : 1;
  return [0, top > 0 ? top : 1];
}

/** An accuracy axis ending at 1 and starting at the tenth below the lowest accuracy seen (0..1 before any data). */
export function accuracyDomain(values: readonly number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (!finite.length) return [0, 1];
  const low = Math.floor(Math.min(...finite) * 10) / 10;
  return [Math.max(0, Math.min(low, 0.9)), 1];
}

/**
 * A log axis's extent: whole decades around the positive values drawn and the domain's positive ends (a domain that
 * starts at 0, as a loss axis does, starts at the smallest positive value instead); [1, 10] when nothing is positive.
 */
export function logDomain(yDomain: readonly [number, number], series: readonly SeriesInput[]): [number, number] {
  const positive = series.flatMap((s) => s.points.map((p) => p.y)).filter((v) => Number.isFinite(v) && v > 0);
  const low = yDomain[0] > 0 ? Math.min(yDomain[0], ...positive) : positive.length ? Math.min(...positive) : 1;
  const high = Math.max(low, ...positive, yDomain[1] > 0 ? yDomain[1] : low);
  const from = 10 ** Math.floor(Math.log10(low));
  const to = 10 ** Math.ceil(Math.log10(high));
  return [from, to > from ? to : from * 10];
}

/** Ticks of a log axis: each decade, and 2 and 5 within it while there are at most two decades. */
function logTicks(scale: (v: number) => number, domain: [number, number]): Tick[] {
  const decades = Math.round(Math.log10(domain[1] / domain[0]));
  const steps = decades <= 2 ? [1, 2, 5] : [1];
  const label = format('~g');
  const ticks: Tick[] = [];
  for (let e = Math.round(Math.log10(domain[0])); e <= Math.round(Math.log10(domain[1])); e++) {
    for (const step of steps) {
      const value = Number((step * 10 ** e).toPrecision(12));
      if (value < domain[0] * (1 - 1e-9) || value > domain[1] * (1 + 1e-9)) continue;
      ticks.push({ value, label: label(value), offset: round2(scale(value)) });
    }
  }
  return ticks;
}

/** Computes where everything in a line chart goes: scales, ticks, one path and its points per series. */
export function lineChartGeometry(input: LineChartInput): LineChartGeometry {
  const { xTickCount = 8, yTickCount = 5 } = input;
  const log = input.yScale === 'log';
  const frame = sizedFrame(input.frame, input.xDomain, input.yDomain, yTickCount);
  const { x, innerWidth, innerHeight } = frame;
  const logY = log ? scaleLog().domain(logDomain(input.yDomain, input.series)).range([innerHeight, 0]) : undefined;
  const y: (v: number) => number = logY ?? frame.y;
  const xTicks = scaleTicks(x, xTickCount, input.integerX ? { format: format(',d'), keep: Number.isInteger } : {});
  const yTicks = logY ? logTicks(logY, logY.domain() as [number, number]) : scaleTicks(frame.y, yTickCount);
  const drawable = (p: Point) => Number.isFinite(p.x) && Number.isFinite(p.y) && (!log || p.y > 0);

  const path = line<Point>()
    .defined(drawable)
    .x((p) => x(p.x))
    .y((p) => y(p.y))
    .digits(2);

  const series = input.series.map((s) => ({
    key: s.key,
    label: s.label,
    path: path(s.points) ?? '',
    points: s.points.filter(drawable).map((p) => ({ x: p.x, y: p.y, cx: round2(x(p.x)), cy: round2(y(p.y)) })),
  }));

  const [y0, y1] = (logY ?? frame.y).domain();
  return { innerWidth, innerHeight, yDomain: [y0 ?? 0, y1 ?? 1], xTicks, yTicks, series };
}
