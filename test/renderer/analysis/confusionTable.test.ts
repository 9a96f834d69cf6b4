// The confusion matrix's table model (plain Node): totals, accuracy, the colour scale's domain and bad input.
import { describe, expect, it } from 'vitest';
import { confusionColourDomain, confusionTable } from '../../../renderer/analysis/confusionTable.js';

const classes = ['5–9', '0–4'];
const confusion = [
  [420, 24],
  [23, 432],
];

describe('confusionTable', () => {
  it('puts true classes in rows and predicted classes in columns, with row and column totals', () => {
    const table = confusionTable(classes, confusion);
    expect(table.rows.map((r) => r.label)).toEqual(classes);
    expect(table.rows.map((r) => r.cells.map((c) => c.count))).toEqual(confusion);
    expect(table.rows.map((r) => r.total)).toEqual([444, 455]);
    expect(table.columnTotals).toEqual([443, 456]);
    expect(table.total).toBe(899);
  });

  it('counts the diagonal as correct and gives the accuracy over all samples', () => {
    const table = confusionTable(classes, confusion);
    expect(table.correct).toBe(852);
    expect(table.accuracy).toBeCloseTo(852 / 899, 12);
    expect(table.rows[0]!.cells.map((c) => c.correct)).toEqual([true, false]);
  });

  it('gives each cell its share of the row and darker colours to larger counts', () => {
    const table = confusionTable(classes, confusion);
    const [hit, miss] = table.rows[0]!.cells;
    expect(hit!.rowShare).toBeCloseTo(420 / 444, 12);
    expect(hit!.dark).toBe(true);
    expect(miss!.dark).toBe(false);
    const luminance = (hex: string) => parseInt(hex.slice(1, 3), 16) + parseInt(hex.slice(3, 5), 16) + parseInt(hex.slice(5, 7), 16);
    const asHex = (colour: string) => {
      const [r, g, b] = colour.match(/\d+/g)!.map(Number);
      return `#${[r, g, b].map((v) => v!.toString(16).padStart(2, '0')).join('')}`;
    };
    expect(luminance(asHex(hit!.fill))).toBeLessThan(luminance(asHex(miss!.fill)));
  });

  it('has an accuracy of NaN and a pale scale when there are no samples', () => {
    const table = confusionTable(classes, [
      [0, 0],
      [0, 0],
    ]);
    expect(table.total).toBe(0);
    expect(table.accuracy).toBeNaN();
    expect(table.colourDomain).toEqual([0, 1]);
  });

  it('rejects a matrix that is not one row and column per class', () => {
    expect(() =>
      confusionTable(classes, [
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toThrow(/2×2/);
    expect(() => confusionTable(['a', 'b', 'c'], confusion)).toThrow(/3×3/);
  });
});

describe('confusionColourDomain', () => {
  it('runs from 0 to the largest count', () => {
    expect(confusionColourDomain(confusion)).toEqual([0, 432]);
    expect(
      confusionColourDomain([
        [3, 9, 1],
        [0, 2, 7],
        [5, 5, 5],
      ]),
    ).toEqual([0, 9]);
  });
});
