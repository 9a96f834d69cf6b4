// The contour plot's coordinates (plain Node): grid units → the plane → screen pixels, and a click back to the plane.
import { describe, expect, it } from 'vitest';
import { dataToScreen, plotFrame, plotTicks, roundToSpan, screenToData } from '../../plots/chartFrame.js';
import { contourPath, gridToData } from '../../plots/contourPath.js';

const bounds = { xMin: -5, xMax: 5, yMin: -1, yMax: 3 };
const margin = { top: 10, right: 10, bottom: 10, left: 10 };
const grid = { bounds, nx: 11, ny: 5 };

describe('gridToData', () => {
  it('puts sample (i, j) at grid coordinates (i + 0.5, j + 0.5), as d3.contours does', () => {
    expect(gridToData(grid, 0.5, 0.5)).toEqual({ x: -5, y: -1 });
    expect(gridToData(grid, 10.5, 4.5)).toEqual({ x: 5, y: 3 });
    expect(gridToData(grid, 5.5, 2.5)).toEqual({ x: 0, y: 1 });
  });

  it('lets the grid edge lie half a sample spacing outside the bounds', () => {
    expect(gridToData(grid, 0, 0)).toEqual({ x: -5.5, y: -1.5 });
  });
});

describe('dataToScreen and screenToData', () => {
  const frame = plotFrame(bounds, 200, 80, margin);

  it('flips y: the bottom of the window is yMin, the top yMax', () => {
    expect(dataToScreen(frame, { x: -5, y: -1 })).toEqual({ px: 0, py: 80 });
    expect(dataToScreen(frame, { x: 5, y: 3 })).toEqual({ px: 200, py: 0 });
  });

  it('turns a click back into the point under it', () => {
    const point = { x: 1.25, y: 0.5 };
    const { px, py } = dataToScreen(frame, point);
    const back = screenToData(frame, px, py);
    expect(back.x).toBeCloseTo(1.25, 12);
    expect(back.y).toBeCloseTo(0.5, 12);
  });

  it('adds the margin to the outer size', () => {
    expect([frame.width, frame.height]).toEqual([220, 100]);
  });
});

describe('contourPath', () => {
  it('draws each ring of a MultiPolygon as a closed subpath in pixels', () => {
    const square = { bounds: { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, nx: 2, ny: 2 };
    const frame = plotFrame(square.bounds, 100, 100, margin);
    const path = contourPath(
      [
        [
          [
            [0.5, 0.5],
            [1.5, 0.5],
            [1.5, 1.5],
            [0.5, 0.5],
          ],
        ],
      ],
      square,
      frame,
    );
    expect(path).toBe('M0,100L100,100L100,0L0,100Z');
  });
});

describe('plotTicks', () => {
  it('labels round values along both axes, y measured from the top', () => {
    const frame = plotFrame(bounds, 200, 80, margin);
    const { xTicks, yTicks } = plotTicks(frame, 5);
    expect(xTicks.map((t) => t.label)).toEqual(['−4', '−2', '0', '2', '4']);
    expect(yTicks.find((t) => t.value === 3)!.offset).toBe(0);
    expect(yTicks.find((t) => t.value === -1)!.offset).toBe(80);
  });
});

describe('roundToSpan', () => {
  it('keeps about a four-hundredth of the window', () => {
    expect(roundToSpan(1.23456, 10)).toBe(1.23);
    expect(roundToSpan(1.23456, 1)).toBe(1.235);
    expect(roundToSpan(123.456, 1000)).toBe(123);
  });
});
