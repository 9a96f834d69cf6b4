// Contour lines and their labels (plain Node): dark lines on pale bands and light on dark ones, labels on their line, inside the plot, apart.
import { describe, expect, it } from 'vitest';
import { plotFrame } from '../../plots/chartFrame.js';
import { filledContours, quantileThresholds } from '../../plots/contourLevels.js';
import { labelledLevels, lineTone, luminance, placeContourLabels } from '../../plots/contourLabels.js';

describe('contour lines', () => {
  it('draws light lines on the dark low bands and dark lines on the pale high ones', () => {
    expect(luminance('#ffffff')).toBeCloseTo(1, 6);
    expect(luminance('#000000')).toBe(0);
    expect(lineTone(1, 16)).toBe('light');
    expect(lineTone(15, 16)).toBe('dark');
  });

  it('labels a few levels spread over the thresholds, never the lowest', () => {
    expect(labelledLevels(16)).toEqual([3, 6, 10, 13]);
    expect(labelledLevels(1)).toEqual([]);
  });

  it('puts each label on its own line, inside the plot, apart from the others and upright', () => {
    const n = 60;
    const bounds = { xMin: -5, xMax: 5, yMin: -5, yMax: 5 };
    const values = new Float64Array(n * n);
    const at = (i: number) => bounds.xMin + ((bounds.xMax - bounds.xMin) * i) / (n - 1);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) values[j * n + i] = at(i) ** 2 + at(j) ** 2;
    const thresholds = quantileThresholds(values, 16);
    const frame = plotFrame(bounds, 400, 400, { top: 0, right: 0, bottom: 0, left: 0 });
    const labels = placeContourLabels(filledContours(values, n, n, thresholds), labelledLevels(16), { bounds, nx: n, ny: n }, frame);
    expect(labels).toHaveLength(4);
    for (const label of labels) {
      expect(label.px).toBeGreaterThanOrEqual(18);
      expect(label.px).toBeLessThanOrEqual(382);
      expect(Math.abs(label.angle)).toBeLessThanOrEqual(90);
      const x = frame.x.invert(label.px),
        y = frame.y.invert(label.py);
      expect(Math.abs(x * x + y * y - label.value)).toBeLessThan(0.06 * label.value + 0.3);
      for (const other of labels) if (other !== label) expect(Math.hypot(other.px - label.px, other.py - label.py)).toBeGreaterThanOrEqual(48);
    }
  });
});
