// The loss on a log axis (plain Node): the domain the learning curves ask for, and the decades, ticks and points the chart draws from it.
import { describe, expect, it } from 'vitest';
import type { ChartFrame } from '../../../plots/chartFrame.js';
import { lineChartGeometry } from '../../../plots/chartGeometry.js';
import { curvesYDomain } from '../../../renderer/charts/learningCurveSeries.js';

const frame: ChartFrame = { width: 400, height: 200, margin: { top: 20, right: 10, bottom: 30, left: 40 } };
const series = (ys: number[]) => [{ key: 'train', label: 'Train', points: ys.map((y, i) => ({ x: i + 1, y })) }];

describe('the loss on a log axis', () => {
  it('spans the smallest to the largest positive loss, leaving out a loss of 0', () => {
    expect(curvesYDomain('loss', series([0.7, 0.03, 0, 0.004]), 'log')).toEqual([0.004, 0.7]);
    expect(curvesYDomain('loss', series([]), 'log')).toEqual([0.1, 1]);
    expect(curvesYDomain('loss', series([0.7, 0.03]))).toEqual([0, 0.7]); // linear: from 0
  });

  it('is drawn over whole decades with the points placed by their logarithm', () => {
    const drawn = series([1, 0.1, 0, 0.01]);
    const geometry = lineChartGeometry({ frame, xDomain: [0, 4], yDomain: curvesYDomain('loss', drawn, 'log'), series: drawn, yScale: 'log' });
    expect(geometry.yDomain).toEqual([0.01, 1]);
    expect(geometry.series[0]!.points.map((p) => p.cy)).toEqual([0, 75, 150]);
    expect(geometry.yTicks.map((t) => t.label)).toEqual(['0.01', '0.02', '0.05', '0.1', '0.2', '0.5', '1']);
  });
});
