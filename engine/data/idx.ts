// Reads MNIST-format IDX files (gzip-compressed or not): magic number, dimensions and sizes checked, one line per problem; pure, any process.
import { gunzipSync } from 'fflate';

/** The element types IDX files name in their magic number's third byte, and each one's size in bytes. */
const ELEMENT_TYPES: Readonly<Record<number, { name: string; bytes: number }>> = {
  0x08: { name: 'unsigned byte', bytes: 1 },
  0x09: { name: 'signed byte', bytes: 1 },
  0x0b: { name: 'short', bytes: 2 },
  0x0c: { name: 'int', bytes: 4 },
  0x0d: { name: 'float', bytes: 4 },
  0x0e: { name: 'double', bytes: 8 },
};

/** An IDX array of unsigned bytes (what MNIST's images and labels are): its dimensions and values in row-major order. */
export interface IdxArray {
  dimensions: number[];
  values: Uint8Array;
}

/** Whether `bytes` start as a gzip stream does. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Reads an IDX header from the start of a file's (decompressed) bytes: its dimensions and the header's length.
 * @throws Error naming the file and what is wrong with its magic number, element type or dimensions.
 */
export function parseIdxHeader(raw: Uint8Array, name: string, expectedDimensions?: number): { dimensions: number[]; headerBytes: number } {
  if (raw.length < 4) throw new Error(`${name}: the file has ${raw.length} bytes, too few for an IDX header`);
  if (raw[0] !== 0 || raw[1] !== 0) {
    const magic = Array.from(raw.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join('');
    throw new Error(`${name}: not an IDX file (its magic number is 0x${magic}; IDX files start with 0x0000 and a type byte)`);
  }
  const type = ELEMENT_TYPES[raw[2]!];
  if (!type) throw new Error(`${name}: the magic number names an unknown element type 0x${raw[2]!.toString(16).padStart(2, '0')}`);
  if (type.bytes !== 1 || raw[2] !== 0x08) throw new Error(`${name}: holds ${type.name} values; MNIST-format images and labels are unsigned bytes`);
  const count = raw[3]!;
  if (expectedDimensions !== undefined && count !== expectedDimensions) {
    throw new Error(
      `${name}: has ${count} dimension${count === 1 ? '' : 's'}; ${expectedDimensions === 1 ? 'a label file has 1' : `an image file has ${expectedDimensions}`}`,
    );
  }
  const headerBytes = 4 + 4 * count;
  if (raw.length < headerBytes) throw new Error(`${name}: the header is cut short (${raw.length} bytes, ${headerBytes} needed for ${count} dimensions)`);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const dimensions = Array.from({ length: count }, (_, i) => view.getUint32(4 + 4 * i, false));
  return { dimensions, headerBytes };
}

/**
 * Parses one IDX file; `name` is how messages name it. A gzip-compressed file is decompressed first.
 * @throws Error naming the file and what is wrong: not gzip nor IDX, a wrong magic number, an element type other than
 * unsigned bytes, `expectedDimensions` not matched, or fewer bytes than the dimensions need (a truncated file).
 */
export function parseIdx(bytes: Uint8Array, name: string, expectedDimensions?: number): IdxArray {
  let raw = bytes;
  if (isGzip(bytes)) {
    try {
      raw = gunzipSync(bytes);
    } catch (error) {
      throw new Error(`${name}: the gzip stream is damaged or cut short (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const { dimensions, headerBytes } = parseIdxHeader(raw, name, expectedDimensions);
  const size = dimensions.reduce((product, d) => product * d, 1);
  const available = raw.length - headerBytes;
  if (available < size) {
    throw new Error(`${name}: is truncated: its dimensions ${dimensions.join('×')} need ${size} values but it holds ${available}`);
  }
  return { dimensions, values: raw.subarray(headerBytes, headerBytes + size) };
}

/** Images N×H×W and their N labels, checked against each other. */
export interface IdxImages {
  count: number;
  height: number;
  width: number;
  /** count × height × width pixels, 0–255, row-major. */
  pixels: Uint8Array;
  labels: Uint8Array;
}

/**
 * Pairs an image file and a label file: 3 and 1 dimensions, the same number of items, labels below `classes`.
 * @throws Error naming the file at fault.
 */
export function readIdxImages(images: { bytes: Uint8Array; name: string }, labels: { bytes: Uint8Array; name: string }, classes = 10): IdxImages {
  const image = parseIdx(images.bytes, images.name, 3);
  const label = parseIdx(labels.bytes, labels.name, 1);
  const [count, height, width] = image.dimensions as [number, number, number];
  if (label.dimensions[0] !== count) {
    throw new Error(`${labels.name}: holds ${label.dimensions[0]} labels but ${images.name} holds ${count} images`);
  }
  const bad = label.values.findIndex((value) => value >= classes);
  if (bad >= 0) throw new Error(`${labels.name}: label ${bad + 1} is ${label.values[bad]}; labels go from 0 to ${classes - 1}`);
  return { count, height, width, pixels: image.values, labels: label.values };
}
