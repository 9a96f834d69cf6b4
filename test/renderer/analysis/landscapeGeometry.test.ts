// The loss-landscape plot's geometry (plain Node): bounds, contour thresholds, the trained point and the path in pixels, and the span that fits a path.
import { describe, expect, it } from 'vitest';
import {
  distinctLabels,
  labelledEpochs,
  landscapeBounds,
  landscapeShape,
  landscapeThresholds,
  lossRange,
  pathExtent,
  pathLine,
  pathPoints,
  SPAN_CHOICES,
  spanForPath,
} from '../../../renderer/analysis/landscapeGeometry.js';
import { dataToScreen, plotFrame } from '../../../plots/chartFrame.js';

const coordinates = Float64Array.from([-1, -0.5, 0, 0.5, 1]);
// A bowl: the loss at (alpha_i, beta_j) is alpha² + beta², stored at values[j·5 + i].
const values = Float64Array.from({ length: 25 }, (_, k) => coordinates[k % 5]! ** 2 + coordinates[Math.floor(k / 5)]! ** 2);
const grid = { alpha: coordinates, beta: coordinates.slice(), values };
const margin = { top: 0, right: 0, bottom: 0, left: 0 };

describe('landscapeBounds and landscapeShape', () => {
  it('puts alpha along x and beta along y, spanning the coordinates', () => {
    expect(landscapeBounds(grid)).toEqual({ xMin: -1, xMax: 1, yMin: -1, yMax: 1 });
    expect(landscapeShape(grid)).toEqual({ bounds: { xMin: -1, xMax: 1, yMin: -1, yMax: 1 }, nx: 5, ny: 5 });
  });

  it('rejects a grid whose values do not fill it', () => {
    expect(() => landscapeShape({ ...grid, values: new Float64Array(24) })).toThrow(/25 values/);
    expect(() => landscapeBounds({ alpha: new Float64Array(1), beta: coordinates })).toThrow(/at least 2/);
  });
});

describe('landscapeThresholds and lossRange', () => {
  it('starts at the lowest loss and rises strictly, at most one level per band asked for', () => {
    const thresholds = landscapeThresholds(values, 6);
    expect(thresholds[0]).toBe(0);
    expect(thresholds.length).toBeLessThanOrEqual(6);
    for (let i = 1; i < thresholds.length; i++) expect(thresholds[i]!).toBeGreaterThan(thresholds[i - 1]!);
    expect(thresholds.at(-1)!).toBeLessThan(2);
  });

  it('ignores values that are not finite', () => {
    const withNaN = Float64Array.from([Number.NaN, 1, 3, Number.POSITIVE_INFINITY]);
    expect(landscapeThresholds(withNaN, 2)).toEqual([1, 2]);
    expect(lossRange(withNaN)).toEqual({ min: 1, max: 3 });
    expect(lossRange(Float64Array.from([Number.NaN]))).toEqual({ min: Number.NaN, max: Number.NaN });
  });
});

describe('pathPoints', () => {
  const frame = plotFrame(landscapeBounds(grid), 200, 200, margin);

  it('maps (alpha, beta) to pixels with beta growing upwards, the trained weights (0, 0) in the middle', () => {
    expect(dataToScreen(frame, { x: 0, y: 0 })).toEqual({ px: 100, py: 100 });
    const points = pathPoints({ alpha: Float64Array.from([-1, 0.5, 0]), beta: Float64Array.from([1, -0.5, 0]) }, frame, landscapeBounds(grid));
    expect(points.map((p) => [p.epoch, p.px, p.py, p.inside])).toEqual([
      [0, 0, 0, true],
      [1, 150, 150, true],
      [2, 100, 100, true],
    ]);
    expect(pathLine(points)).toBe('M0,0L150,150L100,100');
  });

  it('marks points beyond the window and skips ones that are not finite', () => {
    const points = pathPoints({ alpha: Float64Array.from([3, Number.NaN, 0]), beta: Float64Array.from([0, 0, 0]) }, frame, landscapeBounds(grid));
    expect(points.map((p) => [p.epoch, p.inside])).toEqual([
      [0, false],
      [2, true],
    ]);
  });
});

describe('pathExtent and spanForPath', () => {
  it('measures how far the path reaches along either direction', () => {
    expect(pathExtent({ alpha: Float64Array.from([0.01, 0.002, 0]), beta: Float64Array.from([-0.017, 0.002, 0]) })).toBe(0.017);
  });

  it('picks the smallest span that shows the path with a margin', () => {
    expect(spanForPath(0.017)).toBe(0.05);
    expect(spanForPath(0.01)).toBe(0.02);
    expect(spanForPath(0.7)).toBe(1);
    expect(spanForPath(50)).toBe(SPAN_CHOICES[0]);
    expect(spanForPath(0)).toBe(SPAN_CHOICES.at(-1));
  });
});

describe('distinctLabels', () => {
  it('uses three significant digits when they tell the levels apart', () => {
    expect(distinctLabels([0.118, 0.15, 1.66])).toEqual(['0.118', '0.15', '1.66']);
  });

  it('adds digits until neighbouring levels differ', () => {
    expect(distinctLabels([0.11812, 0.11834, 0.1191])).toEqual(['0.1181', '0.1183', '0.1191']);
    expect(distinctLabels([0.118121, 0.118124])).toEqual(['0.118121', '0.118124']);
  });

  it('writes tiny and huge levels in exponent form', () => {
    expect(distinctLabels([0.00001234, 123456])).toEqual(['1.23e-5', '1.23e+5']);
  });
});

describe('labelledEpochs', () => {
  const at = (epoch: number, px: number, py: number, inside = true) => ({ epoch, alpha: 0, beta: 0, px, py, inside });

  it('numbers the epochs whose dots stand apart, never beside the trained weights or outside the window', () => {
    const points = [at(0, 0, 0), at(1, 5, 0), at(2, 30, 0), at(3, 100, 100, false), at(4, 98, 100)];
    expect([...labelledEpochs(points, { px: 100, py: 100 })]).toEqual([0, 2]);
  });
});
