// Tests the WebAssembly kernels' releasing scope: the blocks work allocates inside it are reused at once after it returns, and nothing outside it is.
import { describe, expect, it } from 'vitest';
import { releasingIn } from '../../../engine/kernels/kernels.js';
import { plainKernels } from '../../../engine/kernels/plainKernels.js';
import { readWasmKernelBinaries } from '../../../engine/kernels/wasm/kernelFiles.js';
import { createWasmKernels } from '../../../engine/kernels/wasm/wasmKernels.js';

const kernels = () => createWasmKernels(readWasmKernelBinaries()!, 'simd');

describe('releasing', () => {
  it('gives the blocks allocated inside back as it returns, so the next arrays of those sizes take the same places', () => {
    const k = kernels();
    const kept = k.allocate(5000);
    const inside = k.releasing(() => [k.allocate(1000), k.allocate(70_000)]);
    expect(inside.every((array) => k.owns(array))).toBe(true);
    const again = [k.allocate(70_000), k.allocate(1000)];
    expect(again[0]!.byteOffset).toBe(inside[1]!.byteOffset);
    expect(again[1]!.byteOffset).toBe(inside[0]!.byteOffset);
    // An array allocated before the scope keeps its place and its values.
    kept.fill(3);
    k.releasing(() => k.allocate(5000).fill(7));
    expect(kept.every((v) => v === 3)).toBe(true);
    expect(k.allocate(5000).byteOffset).not.toBe(kept.byteOffset);
  });

  it('returns what the work returns, and gives the blocks back when the work throws too', () => {
    const k = kernels();
    expect(k.releasing(() => 42)).toBe(42);
    let inside: Float64Array | undefined;
    expect(() =>
      k.releasing(() => {
        inside = k.allocate(2048);
        throw new Error('stopped');
      }),
    ).toThrow('stopped');
    expect(k.allocate(2048).byteOffset).toBe(inside!.byteOffset);
  });

  it('keeps the kernels right after a scope whose products grew their scratch, and runs plain kernels unchanged', () => {
    const k = kernels();
    const a = Float64Array.from({ length: 300 * 200 }, (_, i) => Math.sin(i));
    const b = Float64Array.from({ length: 200 * 100 }, (_, i) => Math.cos(i));
    const expected = new Float64Array(300 * 100);
    plainKernels.matmul(a, b, expected, 300, 200, 100);
    // Arrays from outside the memory are copied into the scratch, which grows inside the scope and must outlive it.
    k.releasing(() => {
      const out = new Float64Array(300 * 100);
      k.matmul(a, b, out, 300, 200, 100);
      k.allocate(300 * 100);
    });
    const out = new Float64Array(300 * 100);
    k.allocate(300 * 100).fill(9);
    k.matmul(a, b, out, 300, 200, 100);
    for (let i = 0; i < out.length; i++) expect(out[i]).toBeCloseTo(expected[i]!, 10);
    expect(releasingIn(plainKernels, () => 'plain')).toBe('plain');
  });
});
