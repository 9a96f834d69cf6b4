// The renderer's chart geometry (plain Node): the paths, points and ticks a line chart draws for fixed data.
import { line, scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import type { ChartFrame } from '../../plots/chartFrame.js';
import { accuracyDomain, epochDomain, lineChartGeometry, linePath, lossDomain, type Point } from '../../plots/chartGeometry.js';

const frame: ChartFrame = { width: 400, height: 200, margin: { top: 20, right: 10, bottom: 30, left: 40 } };
const halving = [1, 2, 3, 4].map((epoch) => ({ x: epoch, y: 1 / 2 ** (epoch - 1) }));

describe('lineChartGeometry', () => {
  it('draws the same path and points for the same data', () => {
    const geometry = lineChartGeometry({
      frame,
      xDomain: [0, 4],
      yDomain: [0, 1],
      series: [{ key: 'train', label: 'Train', points: halving }],
      integerX: true,
    });
    expect(geometry.innerWidth).toBe(350);
    expect(geometry.innerHeight).toBe(150);
    expect(geometry.series[0]!.path).toMatchInlineSnapshot(`"M87.5,0L175,75L262.5,112.5L350,131.25"`);
    expect(geometry.series[0]!.points.map((p) => [p.cx, p.cy])).toEqual([
      [87.5, 0],
      [175, 75],
      [262.5, 112.5],
      [350, 131.25],
    ]);
  });

  it('puts the first point of an epoch axis starting at 0 a quarter in when four epochs are planned, so later epochs have room', () => {
    const one = lineChartGeometry({
      frame,
      xDomain: epochDomain(4, 1),
      yDomain: [0, 1],
      series: [{ key: 'test', label: 'Test', points: halving.slice(0, 1) }],
    });
    expect(one.series[0]!.points).toHaveLength(1);
    expect(one.series[0]!.points[0]!.cx).toBe(87.5);
    expect(one.series[0]!.path).toBe('M87.5,0Z');
  });

  it('gives whole-number epoch ticks only, placed along the axis', () => {
    const geometry = lineChartGeometry({ frame, xDomain: [0, 3], yDomain: [0, 1], series: [], integerX: true, xTickCount: 10 });
    expect(geometry.xTicks.map((t) => t.label)).toEqual(['0', '1', '2', '3']);
    expect(geometry.xTicks.map((t) => t.offset)).toEqual([0, 116.67, 233.33, 350]);
  });

  it('gives y ticks from the bottom of the plot to its top, on a domain made nice', () => {
    const geometry = lineChartGeometry({ frame, xDomain: [0, 1], yDomain: [0, 0.693], series: [], yTickCount: 5 });
    expect(geometry.yDomain).toEqual([0, 0.7]);
    expect(geometry.yTicks.map((t) => t.label)).toEqual(['0.0', '0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '0.7']);
    expect(geometry.yTicks[0]!.offset).toBe(150);
    expect(geometry.yTicks.at(-1)!.offset).toBe(0);
  });

  it('leaves a gap where a value is not finite instead of drawing through it', () => {
    const points = [
      { x: 1, y: 0.5 },
      { x: 2, y: Number.NaN },
      { x: 3, y: 0.25 },
    ];
    const geometry = lineChartGeometry({ frame, xDomain: [0, 4], yDomain: [0, 1], series: [{ key: 'train', label: 'Train', points }] });
    expect(geometry.series[0]!.points.map((p) => p.x)).toEqual([1, 3]);
    expect(geometry.series[0]!.path.match(/M/g)).toHaveLength(2);
  });

  it('never gives a negative plot size when the frame is smaller than its margins', () => {
    const geometry = lineChartGeometry({ frame: { ...frame, width: 20, height: 10 }, xDomain: [0, 1], yDomain: [0, 1], series: [] });
    expect(geometry.innerWidth).toBe(0);
    expect(geometry.innerHeight).toBe(0);
  });
});

describe('axis domains', () => {
  it('spans the planned epochs, or more epochs should more arrive', () => {
    expect(epochDomain(25, 3)).toEqual([0, 25]);
    expect(epochDomain(25, 30)).toEqual([0, 30]);
    expect(epochDomain(0, 0)).toEqual([0, 1]);
  });

  it("lets a very long run's epoch axis grow with the epochs done, up to the planned ones", () => {
    expect(epochDomain(100000, 9)).toEqual([0, 100]);
    expect(epochDomain(100000, 95)).toEqual([0, 200]);
    expect(epochDomain(100000, 1000)).toEqual([0, 1600]);
    expect(epochDomain(300, 290)).toEqual([0, 300]);
  });

  it('starts the loss axis at 0 and ignores values that are not finite', () => {
    expect(lossDomain([0.4, 0.2, Number.POSITIVE_INFINITY])).toEqual([0, 0.4]);
    expect(lossDomain([])).toEqual([0, 1]);
  });

  it('ends the accuracy axis at 1 and starts it at the tenth below the lowest accuracy', () => {
    expect(accuracyDomain([0.87, 0.95])).toEqual([0.8, 1]);
    expect(accuracyDomain([1, 1])).toEqual([0.9, 1]);
    expect(accuracyDomain([])).toEqual([0, 1]);
  });
});

describe('lineChartGeometry on a log y axis', () => {
  const frame = { width: 400, height: 250, margin: { top: 10, right: 10, bottom: 40, left: 40 } };

  it('puts decades at equal heights, labels them 10ⁿ, and leaves out values at or below 0', () => {
    const points = [
      { x: 0, y: 1000 },
      { x: 1, y: 10 },
      { x: 2, y: 0 },
      { x: 3, y: 0.1 },
    ];
    const geometry = lineChartGeometry({ frame, xDomain: [0, 3], yDomain: [0.1, 1000], series: [{ key: 'f', label: 'f', points }], yScale: 'log' });
    expect(geometry.yDomain).toEqual([0.1, 1000]);
    expect(geometry.yTicks.map((t) => t.label)).toEqual(['10⁻¹', '10⁰', '10¹', '10²', '10³']);
    const offsets = geometry.yTicks.map((t) => t.offset);
    expect(offsets[0]! - offsets[1]!).toBeCloseTo(offsets[3]! - offsets[4]!, 6);
    expect(geometry.series[0]!.points.map((p) => p.x)).toEqual([0, 1, 3]);
    expect(geometry.yOf(10)).toBeCloseTo((offsets[1]! + offsets[3]!) / 2, 6);
  });

  it('ticks 1-2-5 within a domain of two decades or fewer', () => {
    const geometry = lineChartGeometry({ frame, xDomain: [0, 1], yDomain: [1.5, 40], series: [], yScale: 'log' });
    expect(geometry.yTicks.map((t) => t.label)).toEqual(['1', '2', '5', '10', '20', '50', '100']);
  });
});

describe('linePath', () => {
  it('writes the same path as d3 line with two digits, gaps and lone points included', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const points: Point[] = Array.from({ length: 500 }, (_, i) => ({ x: i, y: random() < 0.1 ? Number.NaN : random() * 3 - 1 }));
    points[3] = { x: 3, y: Number.POSITIVE_INFINITY };
    points[5] = { x: 5, y: Number.NaN };
    const x = scaleLinear().domain([0, 499]).range([0, 613.7]);
    const y = scaleLinear().domain([-1, 2]).range([187.3, 0]);
    const drawable = (p: Point) => Number.isFinite(p.x) && Number.isFinite(p.y);
    const d3Path = line<Point>()
      .defined(drawable)
      .x((p) => x(p.x))
      .y((p) => y(p.y))
      .digits(2);
    expect(linePath(points, x, y, drawable)).toBe(d3Path(points));
    expect(linePath(points, x, y, drawable)).toMatch(/M[\d.,-]+Z/);
    expect(linePath([], x, y, drawable)).toBe('');
  });

  it('places the points only of the series asked for, and draws every line', () => {
    const geometry = lineChartGeometry({
      frame,
      xDomain: [0, 5],
      yDomain: [0, 1],
      series: [
        { key: 'a', label: 'A', points: halving },
        { key: 'b', label: 'B', points: halving },
      ],
      placePoints: (i) => i === 1,
    });
    expect(geometry.series[0]!.points).toEqual([]);
    expect(geometry.series[1]!.points).toHaveLength(4);
    expect(geometry.series[0]!.path).toBe(geometry.series[1]!.path);
  });
});
