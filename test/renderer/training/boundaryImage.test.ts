// The decision boundary's colours (plain Node): the class predicted at each cell, paler where the network is unsure, the top row first.
import { rgb } from 'd3';
import { describe, expect, it } from 'vitest';
import { boundaryPixels, classColour } from '../../../renderer/training/boundaryImage.js';
import { COLOURS } from '../../../plots/theme.js';

const frame = { xMin: 0, xMax: 1, yMin: 0, yMax: 1, columns: 2, rows: 2 };
const pixel = (pixels: Uint8ClampedArray, at: number) => Array.from(pixels.subarray(at * 4, at * 4 + 3));
const channels = (colour: string) => {
  const c = rgb(colour);
  return [c.r, c.g, c.b];
};
/** Distance between two colours, summed over the channels. */
const distance = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0);

describe('the boundary pixels', () => {
  it('take the ground where one output says 0.5, lean to class 1 above and class 0 below, with the bottom row last', () => {
    // Row 0 (the bottom, yMin) is 0.5 and 1; row 1 (the top) is 0 and 0.5.
    const pixels = boundaryPixels([0.5, 1, 0, 0.5], frame, 1);
    const ground = channels(COLOURS.surface);
    expect(pixel(pixels, 2)).toEqual(ground); // bottom left: unsure
    expect(distance(pixel(pixels, 3), channels(classColour(1)))).toBeLessThan(distance(ground, channels(classColour(1)))); // bottom right: class 1
    expect(distance(pixel(pixels, 0), channels(classColour(0)))).toBeLessThan(distance(ground, channels(classColour(0)))); // top left: class 0
    expect(pixels[3]).toBe(255);
  });

  it('colour each cell of several outputs by its most probable class, at the ground where all are equal', () => {
    const values = [1 / 3, 1 / 3, 1 / 3, 0.1, 0.8, 0.1, 0, 0, 1, 0.9, 0.05, 0.05];
    const pixels = boundaryPixels(values, frame, 3);
    expect(pixel(pixels, 2)).toEqual(channels(COLOURS.surface));
    const nearest = (at: number) =>
      [0, 1, 2].reduce(
        (best, k) => (distance(pixel(pixels, at), channels(classColour(k))) < distance(pixel(pixels, at), channels(classColour(best))) ? k : best),
        0,
      );
    expect([nearest(3), nearest(0), nearest(1)]).toEqual([1, 2, 0]);
  });
});
