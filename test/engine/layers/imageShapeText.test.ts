// Reading and writing an image input's shape as a user types it (plain Node): "2x6x6", with × or spaces, and a sentence for anything else.
import { describe, expect, it } from 'vitest';
import { imageShapeText, parseImageShape } from '../../../engine/layers/shape.js';

describe('parseImageShape', () => {
  it('reads channels, height and width written with x, X or ×, spaces allowed', () => {
    expect(parseImageShape('2x6x6')).toEqual({ ok: true, shape: [2, 6, 6] });
    expect(parseImageShape(' 1 × 28 X 28 ')).toEqual({ ok: true, shape: [1, 28, 28] });
    expect(imageShapeText([2, 6, 6])).toBe('2x6x6');
  });

  it('says how to write a shape for two dimensions, a zero, a fraction or a word', () => {
    for (const text of ['6x6', '0x6x6', '2x6.5x6', 'two', '2x6x6x1', '']) {
      expect(parseImageShape(text)).toEqual({ ok: false, message: `write channels×height×width as CxHxW, e.g. 2x6x6, not ${JSON.stringify(text)}` });
    }
  });
});
