// A traced sample's wide layers as images (plain Node): a convolution's maps side by side, a long vector in lines.
import { describe, expect, it } from 'vitest';
import { rowImage, traceRows } from '../../../renderer/analysis/traceLayers.js';

describe('rowImage', () => {
  it('lays C×H×W maps side by side, one empty cell between them, each value where its map has it', () => {
    // 3 maps of 2×2: map c holds 10c + (2h + w).
    const values = Array.from({ length: 12 }, (_, i) => 10 * Math.floor(i / 4) + (i % 4));
    const image = rowImage(values, [3, 2, 2]);
    expect([image.width, image.height]).toEqual([8, 2]);
    const at = (row: number, column: number) => image.values[row * image.width + column];
    expect([at(0, 0), at(0, 1), at(1, 0), at(1, 1)]).toEqual([0, 1, 2, 3]);
    expect([at(0, 3), at(1, 4)]).toEqual([10, 13]);
    expect([at(0, 6), at(1, 7)]).toEqual([20, 23]);
    expect(Number.isNaN(at(0, 2)!) && Number.isNaN(at(1, 5)!)).toBe(true);
  });

  it("wraps Fashion-MNIST's 16 maps of 28×28 onto lines about 400 pixels wide", () => {
    const image = rowImage(new Float64Array(16 * 28 * 28), [16, 28, 28]);
    expect(image.width * image.pixel).toBeLessThanOrEqual(400);
    expect(image.height * image.pixel).toBeLessThan(300);
    // Every value has its cell.
    expect(image.values.filter((v) => !Number.isNaN(v)).length).toBe(16 * 28 * 28);
  });

  it("puts the digits convnet's 8 maps of 8×8 on one line", () => {
    const image = rowImage(new Float64Array(8 * 8 * 8), [8, 8, 8]);
    expect([image.width, image.height]).toEqual([8 * 9 - 1, 8]);
    expect(image.width * image.pixel).toBeLessThanOrEqual(400);
  });

  it('puts a long vector 64 values to a line, its last line ending in empty cells', () => {
    const image = rowImage(
      Float64Array.from({ length: 1568 }, (_, i) => i),
      [1568],
    );
    expect([image.width, image.height]).toEqual([64, 25]);
    expect(image.values[1567]).toBe(1567);
    expect(Number.isNaN(image.values[1568]!)).toBe(true);
  });
});

describe('traceRows', () => {
  it('gives each row its layer output shape, found by the layer index', () => {
    const rows = traceRows(
      [
        { index: 0, type: 'conv2d', values: new Float64Array([1, -1, 0, 2]) },
        { index: 1, type: 'flatten', values: new Float64Array([1, -1, 0, 2]) },
      ],
      [[1, 2, 2], [4]],
    );
    expect(rows.map((r) => [r.name, r.shape])).toEqual([
      ['Conv2D', [1, 2, 2]],
      ['Flatten', [4]],
    ]);
  });
});
