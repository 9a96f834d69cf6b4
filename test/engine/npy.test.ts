// The .npy encoding read back byte by byte as NumPy's format 1.0 defines it.
import { describe, expect, it } from 'vitest';
import { encodeNpy } from '../../engine/export/npy.js';

describe('encodeNpy', () => {
  it('writes the magic, version 1.0, a 64-byte-aligned header and little-endian float64 data', () => {
    const bytes = encodeNpy(Float64Array.from([1.5, -2, 3, 4, 5, 6]), [2, 3]);
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    const view = new DataView(bytes.buffer);
    const headerLength = view.getUint16(8, true);
    expect((10 + headerLength) % 64).toBe(0);
    const header = new TextDecoder().decode(bytes.subarray(10, 10 + headerLength));
    expect(header.trimEnd()).toBe("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }");
    expect(header.endsWith('\n')).toBe(true);
    expect(view.getFloat64(10 + headerLength, true)).toBe(1.5);
    expect(view.getFloat64(10 + headerLength + 8, true)).toBe(-2);
    expect(bytes.length).toBe(10 + headerLength + 6 * 8);
  });

  it('writes a one-dimensional shape with its trailing comma and refuses a shape that does not fit', () => {
    const bytes = encodeNpy(Float64Array.from([1, 2]), [2]);
    expect(new TextDecoder().decode(bytes.subarray(10, 80))).toContain("'shape': (2,)");
    expect(() => encodeNpy(Float64Array.from([1, 2, 3]), [2, 2])).toThrow('shape (2, 2) holds 4 values but there are 3');
  });
});
