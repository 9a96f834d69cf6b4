// The optimizer's path over the plot and its learning curve (plain Node): thinning, a diverging path cut at the edge, curve points.
import { describe, expect, it } from 'vitest';
import { curveDomain, curvePoints, exitPoint, finiteLength, screenPath } from '../../../renderer/optimizer/pathGeometry.js';
import { plotFrame } from '../../../plots/chartFrame.js';

const frame = plotFrame({ xMin: 0, xMax: 10, yMin: 0, yMax: 10 }, 100, 100, { top: 0, right: 0, bottom: 0, left: 0 });
const pathOf = (points: [number, number][]) => ({
  x: Float64Array.from(points, (p) => p[0]),
  y: Float64Array.from(points, (p) => p[1]),
  f: Float64Array.from(points, (p) => p[0] + p[1]),
});

describe('screenPath', () => {
  it('draws the points as a line with its start and end, y flipped', () => {
    const drawn = screenPath(
      pathOf([
        [1, 1],
        [5, 5],
        [9, 1],
      ]),
      frame,
    );
    expect(drawn.d).toBe('M10,90L50,50L90,90');
    expect(drawn.dots).toHaveLength(3);
    expect(drawn.start).toEqual({ px: 10, py: 90 });
    expect(drawn.end).toEqual({ px: 90, py: 90 });
  });

  it('drops points closer than the minimum distance to the last one kept, but always keeps the end', () => {
    const crawl = Array.from({ length: 101 }, (_, i) => [5 + i * 0.001, 5] as [number, number]);
    const drawn = screenPath(pathOf(crawl), frame, 0.75);
    expect(drawn.dots.map((d) => d.px)).toEqual([50, 50.8, 51]);
    expect(drawn.d).toBe('M50,50L50.8,50L51,50');
  });

  it('cuts a diverging path where it leaves the drawable box, and resumes where it comes back', () => {
    const drawn = screenPath(
      pathOf([
        [5, 5],
        [1e150, 5],
        [5, 6],
      ]),
      frame,
      0.75,
      2,
    );
    // box: |px|, |py| ≤ 200 pixels; the far point is replaced by the box's edge on both segments.
    expect(drawn.d).toBe('M50,50L200,50M200,40L50,40');
    expect(drawn.dots).toHaveLength(2);
    expect(drawn.end).toEqual({ px: 50, py: 40 });
  });

  it('stops at the first non-finite point and draws no end when there is none', () => {
    const path = pathOf([
      [1, 1],
      [2, 2],
    ]);
    path.f[1] = NaN;
    expect(finiteLength(path)).toBe(1);
    expect(screenPath(path, frame).d).toBe('M10,90');
    const empty = screenPath(pathOf([]), frame);
    expect([empty.d, empty.start, empty.end]).toEqual(['', undefined, undefined]);
  });
});

describe('exitPoint', () => {
  it('finds where a segment crosses the box edge', () => {
    expect(exitPoint({ px: 0, py: 0 }, { px: 400, py: 200 }, 100)).toEqual({ px: 100, py: 50 });
    expect(exitPoint({ px: 0, py: 0 }, { px: 10, py: -400 }, 100)).toEqual({ px: 2.5, py: -100 });
  });
});

describe('curvePoints and curveDomain', () => {
  it('gives f against the step, keeping every k-th step of a long run and its last', () => {
    expect(curvePoints(Float64Array.of(3, 2, 1))).toEqual([
      { x: 0, y: 3 },
      { x: 1, y: 2 },
      { x: 2, y: 1 },
    ]);
    const long = curvePoints(new Float64Array(1001).fill(1), 100);
    expect(long.length).toBeLessThanOrEqual(101);
    expect(long[1]!.x).toBe(11);
    expect(long.at(-1)!.x).toBe(1000);
    expect(curvePoints(Float64Array.of(1, 2, NaN, 4))).toHaveLength(2);
  });

  it('spans every curve with a little room, and something sensible when empty or flat', () => {
    expect(curveDomain([[{ x: 0, y: -2 }], [{ x: 0, y: 23 }]])).toEqual([-3, 24]);
    expect(curveDomain([])).toEqual([0, 1]);
    expect(curveDomain([[{ x: 0, y: 5 }]])).toEqual([4, 6]);
  });
});
