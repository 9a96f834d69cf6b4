// The log–log error chart's geometry (plain Node): decade ticks, the path and points for fixed data.
import { describe, expect, it } from 'vitest';
import type { ChartFrame } from '../../../plots/chartFrame.js';
import { decadeTicks, errorChartGeometry } from '../../../renderer/gradients/errorChartGeometry.js';
import { clampErrorCurve } from '../../../renderer/gradients/logErrorAxis.js';

const frame: ChartFrame = { width: 460, height: 260, margin: { top: 20, right: 20, bottom: 40, left: 40 } };

describe('decadeTicks', () => {
  it('gives every power of ten when there is room, and every second one when there is not', () => {
    expect(decadeTicks(1e-4, 1, 10)).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1]);
    expect(decadeTicks(1e-14, 1, 8)).toEqual([1e-14, 1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1]);
  });
});

describe('errorChartGeometry', () => {
  it('places epsilons and errors on log scales, a clamped zero at the bottom of the plot', () => {
    const curve = clampErrorCurve([1e-14, 1e-7, 1], [0, 1e-10, 1e-2]);
    const geometry = errorChartGeometry({ frame, points: curve.points, floor: curve.floor });
    expect(geometry.innerWidth).toBe(400);
    expect(geometry.innerHeight).toBe(200);
    expect(geometry.points.map((p) => p.cx)).toEqual([0, 200, 400]);
    expect(geometry.points[0]!.cy).toBe(200);
    expect(geometry.points[2]!.cy).toBe(0);
    expect(geometry.path).toMatchInlineSnapshot(`"M0,200L200,106.67L400,0"`);
    expect(geometry.xTicks[0]!.label).toBe('1e-14');
    expect(geometry.xTicks.at(-1)!.label).toBe('1');
    expect(geometry.yTicks.every((t) => /^1e-\d+$/.test(t.label))).toBe(true);
  });

  it('keeps a marker for an epsilon beyond the axis inside the plot', () => {
    const geometry = errorChartGeometry({ frame, points: [], floor: 1e-17 });
    expect(geometry.xOf(10)).toBe(400);
    expect(geometry.xOf(1e-3)).toBeCloseTo((11 / 14) * 400, 1);
  });
});
