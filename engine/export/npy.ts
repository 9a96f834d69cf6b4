// Encodes a float64 array as a NumPy .npy file (format version 1.0, little-endian); pure, any process.

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"

/** The bytes of a .npy file holding `values` (row-major) with the given shape, dtype '<f8'. */
export function encodeNpy(values: Float64Array, shape: readonly number[]): Uint8Array {
  const count = shape.reduce((product, size) => product * size, 1);
  if (count !== values.length) throw new Error(`shape (${shape.join(', ')}) holds ${count} values but there are ${values.length}`);
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': ${shapeText}, }`;
  // magic (6) + version (2) + header length (2) + header, padded with spaces to a multiple of 64, ending in \n.
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const bytes = new Uint8Array(10 + header.length + values.length * 8);
  bytes.set(MAGIC, 0);
  bytes[6] = 1;
  bytes[7] = 0;
  const view = new DataView(bytes.buffer);
  view.setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) bytes[10 + i] = header.charCodeAt(i);
  const dataStart = 10 + header.length;
  for (let i = 0; i < values.length; i++) view.setFloat64(dataStart + i * 8, values[i]!, true);
  return bytes;
}
