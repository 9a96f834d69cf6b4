// Pixels of the analysis images (plain Node): row-major p{r}{c} layout, grey levels, the diverging scale around 0 and weight columns.
import { describe, expect, it } from 'vitest';
import { divergingColour, greyScale, imageCells, magnitudeColour, maxOf, symmetricExtent, unitColumns } from '../../../renderer/analysis/pixelImage.js';

const ramp = Float64Array.from({ length: 64 }, (_, i) => i);

describe('imageCells', () => {
  it('lays an 8×8 image out row-major: pixel (r, c) is value r·8 + c and is named p{r}{c}', () => {
    const cells = imageCells(ramp, 8, 8, () => '#000000');
    expect(cells).toHaveLength(64);
    const p35 = cells.find((c) => c.name === 'p35')!;
    expect(p35).toMatchObject({ r: 3, c: 5, value: 29 });
    expect(cells[8]).toMatchObject({ r: 1, c: 0, name: 'p10', value: 8 });
    expect(cells.at(-1)).toMatchObject({ r: 7, c: 7, name: 'p77', value: 63 });
  });

  it('rejects values that do not fill the image', () => {
    expect(() => imageCells(new Float64Array(63), 8, 8, () => '#000000')).toThrow(/64 values, not 63/);
  });
});

describe('greyScale', () => {
  it("maps an image's own minimum to black and its maximum to white", () => {
    const grey = greyScale(Float64Array.from([-0.8, 0.2, 1.8]));
    expect(grey(-0.8)).toBe('#000000');
    expect(grey(1.8)).toBe('#ffffff');
    expect(grey(0.5)).toBe('#808080');
  });

  it('draws a flat image in mid grey', () => {
    expect(greyScale([2, 2, 2])(2)).toBe('#808080');
  });
});

describe('symmetricExtent and divergingColour', () => {
  it('centres the domain at 0 with the largest |value| as its half-width', () => {
    expect(symmetricExtent([-3, 1, 2])).toBe(3);
    expect(symmetricExtent([0.5, -0.25, Number.NaN])).toBe(0.5);
    expect(symmetricExtent([0, 0])).toBe(1);
  });

  it('is white at 0 and equally strong at equal distances either side', () => {
    const colour = divergingColour(2);
    const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const [r0, g0, b0] = channels(colour(0));
    expect(Math.min(r0!, g0!, b0!)).toBeGreaterThan(230); // RdBu's near-white middle
    const [rn, gn, bn] = channels(colour(-1));
    const [rp, gp, bp] = channels(colour(1));
    expect(rn).toBeGreaterThan(bn!); // negative: red
    expect(bp).toBeGreaterThan(rp!); // positive: blue
    // Symmetric: the distance from white is about the same on both sides.
    const fromWhite = (c: number[]) => c.reduce((s, v) => s + (255 - v), 0);
    expect(Math.abs(fromWhite([rn!, gn!, bn!]) - fromWhite([rp!, gp!, bp!]))).toBeLessThan(60);
    expect(colour(-2)).not.toBe(colour(2));
  });

  it('clamps values beyond the domain to its end colours', () => {
    const colour = divergingColour(1);
    expect(colour(5)).toBe(colour(1));
    expect(colour(-5)).toBe(colour(-1));
  });

  it('refuses a half-width that is not positive', () => {
    expect(() => divergingColour(0)).toThrow(/positive/);
  });
});

describe('magnitudeColour and maxOf', () => {
  it('darkens from 0 to the largest magnitude', () => {
    const colour = magnitudeColour(maxOf([0.1, 0.4, Number.NaN]));
    const sum = (hex: string) => [1, 3, 5].reduce((s, i) => s + parseInt(hex.slice(i, i + 2), 16), 0);
    expect(sum(colour(0.4))).toBeLessThan(sum(colour(0.2)));
    expect(sum(colour(0.2))).toBeLessThan(sum(colour(0)));
  });
});

describe('unitColumns', () => {
  it("takes unit u's weights from column u of the row-major inputs×units matrix", () => {
    // W = [[1, 2], [3, 4], [5, 6]]: 3 inputs, 2 units.
    const columns = unitColumns(Float64Array.from([1, 2, 3, 4, 5, 6]), 3, 2);
    expect(columns.map((c) => Array.from(c))).toEqual([
      [1, 3, 5],
      [2, 4, 6],
    ]);
  });

  it('rejects a matrix of the wrong size', () => {
    expect(() => unitColumns(new Float64Array(5), 3, 2)).toThrow(/3×2/);
  });
});
