// Filled contours of a grid drawn on a plane chart (pure, any process): d3.contours' grid units → the plane → pixels of the frame.
import { dataToScreen, type Bounds, type PlotFrame, type XY } from './chartFrame.js';

/** A grid's shape: nx × ny samples spanning `bounds`, corners included. */
export interface GridShape {
  bounds: Bounds;
  nx: number;
  ny: number;
}

/**
 * The plane's point at grid coordinates (gx, gy) as d3.contours gives them: sample (i, j) sits at the centre of its
 * cell, (i + 0.5, j + 0.5), so grid coordinate 0 lies half a sample spacing outside the bounds.
 */
export function gridToData(grid: GridShape, gx: number, gy: number): XY {
  const { bounds, nx, ny } = grid;
  return {
    x: bounds.xMin + ((gx - 0.5) * (bounds.xMax - bounds.xMin)) / (nx - 1),
    y: bounds.yMin + ((gy - 0.5) * (bounds.yMax - bounds.yMin)) / (ny - 1),
  };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** An SVG path of a d3.contours MultiPolygon (grid units), in screen pixels: one closed subpath per ring. */
export function contourPath(coordinates: readonly (readonly (readonly (readonly number[])[])[])[], grid: GridShape, frame: PlotFrame): string {
  const parts: string[] = [];
  for (const polygon of coordinates) {
    for (const ring of polygon) {
      ring.forEach((point, index) => {
        const { px, py } = dataToScreen(frame, gridToData(grid, point[0]!, point[1]!));
        parts.push(`${index === 0 ? 'M' : 'L'}${round1(px)},${round1(py)}`);
      });
      if (ring.length) parts.push('Z');
    }
  }
  return parts.join('');
}
