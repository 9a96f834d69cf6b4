// The per-entry error heatmap's geometry (plain Node): blocks in each gradient's shape, a bias under its weights, pooling of large gradients, and colours split at the threshold.
import { describe, expect, it } from 'vitest';
import { errorColour, errorPosition, gridOf, heatBlocks, MAX_COLUMNS } from '../../../renderer/gradients/errorHeatmap.js';

describe('the error heatmap', () => {
  it('draws a matrix as it is, a vector as one row, and puts a bias under the weights it belongs to', () => {
    expect(gridOf([5, 7], 35)).toEqual([5, 7]);
    expect(gridOf([7], 7)).toEqual([1, 7]);
    expect(gridOf([4, 2, 3, 3], 72)).toEqual([4, 18]); // a convolution's filters×channels×k×k weights: one row per filter
    const blocks = heatBlocks(
      [
        { name: 'dx', shape: [3, 5], size: 15, entries: new Float64Array(15) },
        { name: 'dW', shape: [5, 7], size: 35, entries: new Float64Array(35).fill(1e-10) },
        { name: 'db', shape: [7], size: 7, entries: new Float64Array(7).fill(0.9) },
      ],
      1e-5,
    );
    expect(blocks.map((b) => [b.name, b.rows, b.columns, b.under, b.failing])).toEqual([
      ['dx', 3, 5, false, 0],
      ['dW', 5, 7, false, 0],
      ['db', 1, 7, true, 7],
    ]);
    expect(blocks[1]!.cells[8]!.label).toBe('dW[1, 1]: relative error 1.0e-10');
    expect(blocks[2]!.cells[3]!.label).toBe('db[3]: relative error 9.0e-1');
  });

  it("labels a convolution's weights by filter, channel, row and column", () => {
    const [block] = heatBlocks([{ name: 'dW', shape: [4, 2, 3, 3], size: 72, entries: new Float64Array(72) }], 1e-5);
    expect([block!.rows, block!.columns]).toEqual([4, 18]);
    expect(block!.cells[18 + 14]!.label).toBe('dW[1, 1, 1, 2]: relative error 0');
  });

  it('pools a gradient too wide to draw, each cell keeping the worst of its entries', () => {
    const columns = 3 * MAX_COLUMNS;
    const entries = new Float64Array(columns);
    entries[4] = 0.5;
    const [block] = heatBlocks([{ name: 'db', shape: [columns], size: columns, entries }], 1e-5);
    expect(block!.columns).toBe(MAX_COLUMNS);
    expect(block!.pool).toEqual([1, 3]);
    expect(block!.cells[1]!.error).toBe(0.5);
    expect(block!.failing).toBe(1);
  });

  it('places errors on a log scale from 1e-16 to 1, and colours the two sides of the threshold apart', () => {
    expect(errorPosition(0)).toBe(0);
    expect(errorPosition(1e-8)).toBeCloseTo(0.5, 12);
    expect(errorPosition(10)).toBe(1);
    const below = errorColour(9e-6, 1e-5);
    const above = errorColour(1e-5, 1e-5);
    expect(below).not.toBe(above);
    // Blue below (more blue than red), red at and above.
    const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    expect(channels(below)[2]!).toBeGreaterThan(channels(below)[0]!);
    expect(channels(above)[0]!).toBeGreaterThan(channels(above)[2]!);
  });
});
