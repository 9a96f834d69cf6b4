// The log y axis of a line chart (plain Node): whole decades around the values, their ticks, and values at or below 0 left out.
import { describe, expect, it } from 'vitest';
import type { ChartFrame } from '../../plots/chartFrame.js';
import { lineChartGeometry, logDomain } from '../../plots/chartGeometry.js';

const frame: ChartFrame = { width: 400, height: 200, margin: { top: 20, right: 10, bottom: 30, left: 40 } };

describe('a log y axis', () => {
  it('spans the whole decades around the positive values, starting at the smallest when the domain starts at 0', () => {
    const series = [{ key: 'train', label: 'Train', points: [0.5, 0.03, 0.004].map((y, i) => ({ x: i + 1, y })) }];
    expect(logDomain([0, 0.5], series)).toEqual([0.001, 1]);
    expect(logDomain([0, 1], [])).toEqual([1, 10]);
  });

  it('places each decade evenly, ticks 1, 2 and 5 of each over two decades or fewer, and leaves out losses of 0', () => {
    const points = [
      { x: 1, y: 1 },
      { x: 2, y: 0.1 },
      { x: 3, y: 0 },
      { x: 4, y: 0.01 },
    ];
    const geometry = lineChartGeometry({ frame, xDomain: [0, 4], yDomain: [0, 1], series: [{ key: 'train', label: 'Train', points }], yScale: 'log' });
    expect(geometry.yDomain).toEqual([0.01, 1]);
    expect(geometry.series[0]!.points.map((p) => p.cy)).toEqual([0, 75, 150]);
    expect(geometry.yTicks.map((t) => t.label)).toEqual(['0.01', '0.02', '0.05', '0.1', '0.2', '0.5', '1']);
    expect(geometry.series[0]!.path).toMatchInlineSnapshot(`"M87.5,0L175,75M350,150Z"`);
  });

  it('ticks only the decades over more than two', () => {
    const points = [1e-6, 1].map((y, i) => ({ x: i, y }));
    const geometry = lineChartGeometry({ frame, xDomain: [0, 1], yDomain: [0, 1], series: [{ key: 'a', label: 'A', points }], yScale: 'log' });
    expect(geometry.yTicks.map((t) => t.value)).toEqual([1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1]);
  });
});
