// Reading MNIST-format IDX files: the real Fashion-MNIST files where they are installed, and damaged files, each with its one-line message.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseIdx, readIdxImages } from '../../../engine/data/idx.js';

const FASHION = '/usr/share/datasets/fashion-mnist';
const NO_FASHION = `Fashion-MNIST is not installed at ${FASHION} (Debian's dataset-fashion-mnist): the real files were not read`;

/** An IDX file of unsigned bytes with the given dimensions and values. */
function idx(dimensions: number[], values: number[]): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * dimensions.length + values.length);
  const view = new DataView(bytes.buffer);
  bytes.set([0, 0, 0x08, dimensions.length]);
  dimensions.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  bytes.set(values, 4 + 4 * dimensions.length);
  return bytes;
}

describe('IDX files', () => {
  it('reads images and labels, gzip-compressed or not, in row-major order', () => {
    const pixels = Array.from({ length: 2 * 2 * 3 }, (_, i) => i * 10);
    const plain = readIdxImages({ bytes: idx([2, 2, 3], pixels), name: 'images' }, { bytes: idx([2], [7, 3]), name: 'labels' });
    expect(plain).toMatchObject({ count: 2, height: 2, width: 3 });
    expect(Array.from(plain.pixels)).toEqual(pixels);
    expect(Array.from(plain.labels)).toEqual([7, 3]);
    const zipped = readIdxImages({ bytes: gzipSync(idx([2, 2, 3], pixels)), name: 'images.gz' }, { bytes: gzipSync(idx([2], [7, 3])), name: 'labels.gz' });
    expect(Array.from(zipped.pixels)).toEqual(pixels);
  });

  it.each([
    ['a wrong magic number', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]), 'x: not an IDX file (its magic number is 0x504b0304'],
    [
      'values of another type',
      Uint8Array.from([0, 0, 0x0d, 1, 0, 0, 0, 1, 0, 0, 0, 0]),
      'x: holds float values; MNIST-format images and labels are unsigned bytes',
    ],
    ['a truncated body', idx([3, 2, 2], [1, 2, 3, 4, 5]), 'x: is truncated: its dimensions 3×2×2 need 12 values but it holds 5'],
    ['a truncated header', idx([3, 2, 2], []).subarray(0, 9), 'x: the header is cut short (9 bytes, 16 needed for 3 dimensions)'],
    ['too few bytes', new Uint8Array([0, 0]), 'x: the file has 2 bytes, too few for an IDX header'],
    ['a damaged gzip stream', gzipSync(idx([4], [1, 2, 3, 4])).subarray(0, 12), 'x: the gzip stream is damaged or cut short'],
  ])('refuses %s with one line naming the file', (_what, bytes, message) => {
    expect(() => parseIdx(bytes, 'x')).toThrow(message);
  });

  it('refuses image and label files whose counts differ, or labels out of range, naming the file at fault', () => {
    const images = { bytes: idx([2, 1, 1], [0, 255]), name: 'train-images-idx3-ubyte' };
    expect(() => readIdxImages(images, { bytes: idx([3], [0, 1, 2]), name: 'train-labels-idx1-ubyte' })).toThrow(
      'train-labels-idx1-ubyte: holds 3 labels but train-images-idx3-ubyte holds 2 images',
    );
    expect(() => readIdxImages(images, { bytes: idx([2], [0, 12]), name: 'labels' })).toThrow('labels: label 2 is 12; labels go from 0 to 9');
    expect(() => readIdxImages({ bytes: idx([2], [0, 1]), name: 'images' }, { bytes: idx([2], [0, 1]), name: 'labels' })).toThrow(
      'images: has 1 dimension; an image file has 3',
    );
  });

  it("reads Fashion-MNIST's own files: 60,000 and 10,000 images of 28×28 with labels 0–9 in balanced classes", (context) => {
    if (!existsSync(join(FASHION, 'train-images-idx3-ubyte.gz'))) return context.skip(NO_FASHION);
    const read = (prefix: string) =>
      readIdxImages(
        { bytes: readFileSync(join(FASHION, `${prefix}-images-idx3-ubyte.gz`)), name: `${prefix}-images-idx3-ubyte.gz` },
        { bytes: readFileSync(join(FASHION, `${prefix}-labels-idx1-ubyte.gz`)), name: `${prefix}-labels-idx1-ubyte.gz` },
      );
    const train = read('train');
    const test = read('t10k');
    expect([train.count, train.height, train.width]).toEqual([60000, 28, 28]);
    expect([test.count, test.height, test.width]).toEqual([10000, 28, 28]);
    const counts = new Array(10).fill(0);
    for (const label of train.labels) counts[label]++;
    expect(counts).toEqual(new Array(10).fill(6000));
    expect(Math.max(...train.pixels.subarray(0, 784))).toBeGreaterThan(200);
  });
});
