// Pure geometry of the log–log chart of the finite-difference error against epsilon: D3 log scales, ticks, path (renderer).
import { line, scaleLog } from 'd3';
import { innerSize, type ChartFrame, type Tick } from '../../plots/chartFrame.js';
import { formatDecade, powerOfTen, type ErrorPoint } from './logErrorAxis.js';

export interface PlottedErrorPoint extends ErrorPoint {
  cx: number;
  cy: number;
}

export interface ErrorChartGeometry {
  innerWidth: number;
  innerHeight: number;
  xTicks: Tick[];
  yTicks: Tick[];
  path: string;
  points: PlottedErrorPoint[];
  /** Pixel offset of an epsilon along the x axis (clamped to the plot). */
  xOf: (epsilon: number) => number;
  /** Pixel offset of an error along the y axis (clamped to the plot). */
  yOf: (error: number) => number;
}

export interface ErrorChartInput {
  frame: ChartFrame;
  points: readonly ErrorPoint[];
  /** The axis' lowest error (the clamp floor). */
  floor: number;
  xDomain?: [number, number];
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Powers of ten from `lo` to `hi`, thinned to every second, third… decade so at most `max` remain. */
export function decadeTicks(lo: number, hi: number, max: number): number[] {
  const from = Math.ceil(Math.log10(lo) - 1e-9);
  const to = Math.floor(Math.log10(hi) + 1e-9);
  const count = to - from + 1;
  const stride = Math.max(1, Math.ceil(count / Math.max(1, max)));
  const ticks: number[] = [];
  for (let k = to; k >= from; k -= stride) ticks.unshift(powerOfTen(k));
  return ticks;
}

/** Computes where everything in the error chart goes: both axes logarithmic, y from the floor to a decade above the largest error. */
export function errorChartGeometry(input: ErrorChartInput): ErrorChartGeometry {
  const { frame, points, floor } = input;
  const { innerWidth, innerHeight } = innerSize(frame);
  const xDomain = input.xDomain ?? [1e-14, 1];
  const largest = points.reduce((m, p) => Math.max(m, p.error), floor * 10);
  const yTop = powerOfTen(Math.ceil(Math.log10(largest) - 1e-9));
  const x = scaleLog().domain(xDomain).range([0, innerWidth]).clamp(true);
  const y = scaleLog()
    .domain([floor, Math.max(yTop, floor * 10)])
    .range([innerHeight, 0])
    .clamp(true);

  const xTicks = decadeTicks(xDomain[0], xDomain[1], Math.max(2, Math.floor(innerWidth / 48))).map((value) => ({
    value,
    label: formatDecade(value),
    offset: round2(x(value)),
  }));
  const [yLo, yHi] = y.domain() as [number, number];
  const yTicks = decadeTicks(yLo, yHi, Math.max(2, Math.floor(innerHeight / 26))).map((value) => ({
    value,
    label: formatDecade(value),
    offset: round2(y(value)),
  }));

  const path =
    line<ErrorPoint>()
      .x((p) => x(p.epsilon))
      .y((p) => y(p.error))
      .digits(2)(points as ErrorPoint[]) ?? '';
  return {
    innerWidth,
    innerHeight,
    xTicks,
    yTicks,
    path,
    points: points.map((p) => ({ ...p, cx: round2(x(p.epsilon)), cy: round2(y(p.error)) })),
    xOf: (epsilon) => round2(x(epsilon)),
    yOf: (error) => round2(y(error)),
  };
}
