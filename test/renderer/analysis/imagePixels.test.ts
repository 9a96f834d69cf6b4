// Image pixels painted through a colour table (plain Node): the table samples the scale, and each value lands on its level's colour.
import { describe, expect, it } from 'vitest';
import { colourTable, paintPixels } from '../../../renderer/analysis/imagePixels.js';
import { divergingAt, divergingColour, divergingLevel } from '../../../renderer/analysis/pixelImage.js';

const bytes = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

describe('colourTable', () => {
  it('samples the scale at both ends and evenly between them', () => {
    const table = colourTable((t) => (t < 0.5 ? '#000000' : t < 1 ? '#808080' : '#ffffff'), 3);
    expect(Array.from(table)).toEqual([0, 0, 0, 128, 128, 128, 255, 255, 255]);
  });
});

describe('paintPixels', () => {
  it("paints each weight in the diverging scale's colour for its value, opaque", () => {
    const table = colourTable(divergingAt);
    const values = [-2, -1, 0, 1, 2, 7];
    const pixels = new Uint8ClampedArray(4 * values.length);
    paintPixels(pixels, values, (v) => divergingLevel(v, 2), table);
    const colour = divergingColour(2);
    for (const [i, v] of values.entries()) {
      const [r, g, b] = bytes(colour(v));
      // The table holds 256 levels, so a colour is at most one level away from the exact one.
      expect(Math.abs(pixels[4 * i]! - r!)).toBeLessThanOrEqual(3);
      expect(Math.abs(pixels[4 * i + 1]! - g!)).toBeLessThanOrEqual(3);
      expect(Math.abs(pixels[4 * i + 2]! - b!)).toBeLessThanOrEqual(3);
      expect(pixels[4 * i + 3]).toBe(255);
    }
    expect(Array.from(pixels.slice(16, 20))).toEqual(Array.from(pixels.slice(20, 24)));
  });

  it('refuses a pixel buffer of the wrong size', () => {
    expect(() => paintPixels(new Uint8ClampedArray(8), [1, 2, 3], () => 0, colourTable(divergingAt))).toThrow(/12 bytes, not 8/);
  });
});
