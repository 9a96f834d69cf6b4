// Pure geometry of a line chart — paths, points and ticks in its frame for fixed data; no DOM: LineChart draws it on screen and in files.
import { format, line } from 'd3';
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

/** Computes where everything in a line chart goes: scales, ticks, one path and its points per series. */
export function lineChartGeometry(input: LineChartInput): LineChartGeometry {
  const { xTickCount = 8, yTickCount = 5 } = input;
  const frame = sizedFrame(input.frame, input.xDomain, input.yDomain, yTickCount);
  const { x, y, innerWidth, innerHeight } = frame;
  const xTicks = scaleTicks(x, xTickCount, input.integerX ? { format: format(',d'), keep: Number.isInteger } : {});
  const yTicks = scaleTicks(y, yTickCount);

  const path = line<Point>()
    .defined((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
    .x((p) => x(p.x))
    .y((p) => y(p.y))
    .digits(2);

  const series = input.series.map((s) => ({
    key: s.key,
    label: s.label,
    path: path(s.points) ?? '',
    points: s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).map((p) => ({ x: p.x, y: p.y, cx: round2(x(p.x)), cy: round2(y(p.y)) })),
  }));

  const [y0, y1] = y.domain();
  return { innerWidth, innerHeight, yDomain: [y0 ?? 0, y1 ?? 1], xTicks, yTicks, series };
}
