// A small image as a PNG data URL (renderer, DOM): values painted through a colour table on a scratch canvas, for figures saved as files.
import { paintPixels } from './imagePixels.js';

/** The width×height image of `values` (row-major), each painted in `table`'s colour for its `level`, as a PNG data URL. */
export function imageDataUrl(values: ArrayLike<number>, width: number, height: number, level: (value: number) => number, table: Uint8Array): string {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  const image = context.createImageData(width, height);
  paintPixels(image.data, values, level, table);
  context.putImageData(image, 0, 0);
  return canvas.toDataURL('image/png');
}
