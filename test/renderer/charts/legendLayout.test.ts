// A line chart's legend laid out from its labels: on one row, or wrapped into rows within a width.
import { describe, expect, it } from 'vitest';
import { LEGEND_ROW_HEIGHT, legendLayout, type LineSeries } from '../../../renderer/charts/lineSeries.js';

const series = (labels: string[]): LineSeries[] => labels.map((label, i) => ({ key: `s${i}`, label, colour: 'black', points: [] }));
const PRESETS = ['64-32-ReLU-1-Sigmoid', '64-32-1-Sigmoid (no ReLU)', '64-1-Sigmoid', '64-32-16-8-1 (ReLUs, Sigmoid)'];

describe("a line chart's legend", () => {
  it('keeps every entry on one row when no width is given', () => {
    const layout = legendLayout(series(PRESETS));
    expect(layout.rows).toBe(1);
    expect(layout.entries.map((e) => e.y)).toEqual([0, 0, 0, 0]);
  });

  it('wraps the four presets into rows that stay within the plot, none starting past the width', () => {
    const layout = legendLayout(series(PRESETS), 520);
    expect(layout.rows).toBe(2);
    expect(layout.width).toBeLessThanOrEqual(520);
    expect(layout.entries.at(-1)).toMatchObject({ x: 0, y: LEGEND_ROW_HEIGHT });
  });

  it('leaves out overlays and unlisted series, and has no rows when nothing is listed', () => {
    const layout = legendLayout([{ ...series(['past'])[0]!, overlay: true }], 100);
    expect(layout).toEqual({ entries: [], width: 0, rows: 0 });
  });
});
