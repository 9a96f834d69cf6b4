// Coordinates of the contour plot (renderer): grid units (d3.contours) → the plane (x, y) → screen pixels, and back for a click.
import { scaleLinear, type ScaleLinear } from 'd3';
import type { Margin, Tick } from '../../plots/chartGeometry.js';

export interface Bounds { xMin: number; xMax: number; yMin: number; yMax: number }
/** A grid's shape: nx × ny samples spanning `bounds`, corners included. */
export interface GridShape { bounds: Bounds; nx: number; ny: number }
export interface XY { x: number; y: number }

/** The plot's pixel frame: the data area is innerWidth × innerHeight, offset by the margin. */
export interface PlotFrame {
  width: number;
  height: number;
  margin: Margin;
  innerWidth: number;
  innerHeight: number;
  /** x → pixels from the data area's left edge. */
  x: ScaleLinear<number, number>;
  /** y → pixels from the data area's top edge; y grows upwards, so the range is flipped. */
  y: ScaleLinear<number, number>;
}

/** A frame whose data area spans `bounds` over innerWidth × innerHeight pixels. */
export function plotFrame(bounds: Bounds, innerWidth: number, innerHeight: number, margin: Margin): PlotFrame {
  return {
    width: innerWidth + margin.left + margin.right,
    height: innerHeight + margin.top + margin.bottom,
    margin, innerWidth, innerHeight,
    x: scaleLinear().domain([bounds.xMin, bounds.xMax]).range([0, innerWidth]),
    y: scaleLinear().domain([bounds.yMin, bounds.yMax]).range([innerHeight, 0]),
  };
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

/** Pixels within the data area of a point of the plane. */
export function dataToScreen(frame: PlotFrame, point: XY): { px: number; py: number } {
  return { px: frame.x(point.x), py: frame.y(point.y) };
}

/** The plane's point under pixel (px, py) of the data area (a click). */
export function screenToData(frame: PlotFrame, px: number, py: number): XY {
  return { x: frame.x.invert(px), y: frame.y.invert(py) };
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

/** Axis ticks of the plot: offsets in pixels from the data area's left (x) and top (y). */
export function plotTicks(frame: PlotFrame, count = 6): { xTicks: Tick[]; yTicks: Tick[] } {
  const ticks = (scale: ScaleLinear<number, number>, n: number): Tick[] => {
    const label = scale.tickFormat(n);
    return scale.ticks(n).map((value) => ({ value, label: label(value), offset: round1(scale(value)) }));
  };
  return { xTicks: ticks(frame.x, count), yTicks: ticks(frame.y, count) };
}

/** A coordinate rounded to about a four-hundredth of the span it lies in (a click picks no finer than a pixel). */
export function roundToSpan(value: number, span: number): number {
  const decimals = Math.max(0, Math.min(8, Math.ceil(-Math.log10(span / 400))));
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
