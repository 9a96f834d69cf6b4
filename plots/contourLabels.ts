// Contour lines over a contour plot's bands (pure, any process): which levels get a label, where each label sits along its line, and whether a line is drawn dark or light on its bands.
import { rgb, type ContourMultiPolygon } from 'd3';
import { dataToScreen, type PlotFrame } from './chartFrame.js';
import { bandColour } from './contourLevels.js';
import { gridToData, type GridShape } from './contourPath.js';

/** A label on a contour line: its level's index and value, where it sits (pixels in the data area) and its angle in degrees. */
export interface ContourLabel {
  level: number;
  value: number;
  px: number;
  py: number;
  angle: number;
}

/** The relative luminance (0 black … 1 white) of a CSS colour. */
export function luminance(colour: string): number {
  const c = rgb(colour);
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/** Whether the line where band k − 1 meets band k of n is drawn light (on dark bands) or dark (on pale ones). */
export function lineTone(k: number, n: number): 'light' | 'dark' {
  const mean = (luminance(bandColour(Math.max(0, k - 1), n)) + luminance(bandColour(k, n))) / 2;
  return mean < 0.3 ? 'light' : 'dark';
}

/** About `count` levels spread over 1 … n − 1 (level 0 is the minimum, whose band fills the plot, so it has no line). */
export function labelledLevels(n: number, count = 4): number[] {
  if (n < 2) return [];
  const levels = new Set<number>();
  for (let i = 1; i <= count; i++) levels.add(Math.max(1, Math.min(n - 1, Math.round((i * n) / (count + 1)))));
  return [...levels].sort((a, b) => a - b);
}

/**
 * One label for each of `levels` whose line shows in the plot: on the line's longest stretch inside the data area (kept
 * `edge` pixels from its sides), as near its middle as keeps `gap` pixels from labels already placed, turned along the
 * line and never upside down.
 */
export function placeContourLabels(
  contours: readonly ContourMultiPolygon[],
  levels: readonly number[],
  grid: GridShape,
  frame: PlotFrame,
  options: { edge?: number; gap?: number } = {},
): ContourLabel[] {
  const edge = options.edge ?? 18;
  const gap = options.gap ?? 48;
  const placed: ContourLabel[] = [];
  const insideArea = (p: { px: number; py: number }) => p.px >= edge && p.px <= frame.innerWidth - edge && p.py >= edge && p.py <= frame.innerHeight - edge;
  for (const level of levels) {
    const contour = contours[level];
    if (!contour) continue;
    let best: { px: number; py: number }[] = [];
    for (const polygon of contour.coordinates)
      for (const ring of polygon) {
        let run: { px: number; py: number }[] = [];
        for (const point of ring) {
          const p = dataToScreen(frame, gridToData(grid, point[0]!, point[1]!));
          if (insideArea(p)) run.push(p);
          else {
            if (run.length > best.length) best = run;
            run = [];
          }
        }
        if (run.length > best.length) best = run;
      }
    if (best.length < 7) continue;
    const middle = Math.floor(best.length / 2);
    for (let offset = 0; offset <= middle - 3; offset++) {
      const candidates = offset === 0 ? [middle] : [middle - offset, middle + offset];
      const at = candidates.find((i) => i >= 3 && i < best.length - 3 && placed.every((l) => Math.hypot(l.px - best[i]!.px, l.py - best[i]!.py) >= gap));
      if (at === undefined) continue;
      const a = best[at - 3]!,
        b = best[at + 3]!;
      let angle = (Math.atan2(b.py - a.py, b.px - a.px) * 180) / Math.PI;
      if (angle > 90) angle -= 180;
      if (angle < -90) angle += 180;
      placed.push({ level, value: contour.value, px: Math.round(best[at]!.px * 10) / 10, py: Math.round(best[at]!.py * 10) / 10, angle: Math.round(angle) });
      break;
    }
  }
  return placed;
}
