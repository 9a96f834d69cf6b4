// Tests the WebAssembly kernels' regions and their memory accounting: a region's arrays go back together when it is released, and the bytes in use say so.
import { describe, expect, it } from 'vitest';
import { inKernelRegion } from '../../../engine/kernels/kernels.js';
import { plainKernels } from '../../../engine/kernels/plainKernels.js';
import { readWasmKernelBinaries } from '../../../engine/kernels/wasm/kernelFiles.js';
import { createWasmKernels } from '../../../engine/kernels/wasm/wasmKernels.js';

const kernels = () => createWasmKernels(readWasmKernelBinaries()!, 'simd');

describe('a region of the kernels', () => {
  it('gives back every array its kernels allocated when it is released, and only those', () => {
    const k = kernels();
    const before = k.memoryUse().inUseBytes;
    const kept = k.allocate(1000);
    const region = k.region();
    const inside = [region.kernels.allocate(1000), region.kernels.allocate(100_000)];
    expect(inside.every((array) => k.owns(array))).toBe(true);
    // 1,000 values take a block of 8 KB, 100,000 one of 1 MB.
    expect(k.memoryUse().inUseBytes - before).toBe(8192 + 8192 + 1048576);
    region.release();
    expect(k.memoryUse().inUseBytes - before).toBe(8192);
    const again = [k.allocate(100_000), k.allocate(1000)];
    expect(again[0]!.byteOffset).toBe(inside[1]!.byteOffset);
    expect(again[1]!.byteOffset).toBe(inside[0]!.byteOffset);
    expect(again[1]!.byteOffset).not.toBe(kept.byteOffset);
  });

  it('is released once: a second release gives nothing back twice, and arrays asked for after it are no longer the region’s', () => {
    const k = kernels();
    const region = k.region();
    region.kernels.allocate(5000);
    region.release();
    const after = k.memoryUse().inUseBytes;
    region.release();
    expect(k.memoryUse().inUseBytes).toBe(after);
    const late = region.kernels.allocate(5000);
    region.release();
    expect(k.owns(late)).toBe(true);
    expect(k.memoryUse().inUseBytes).toBe(after + 65536);
  });

  it('computes with the same kernels: a product of arrays from a region equals the plain one', () => {
    const k = kernels();
    const region = k.region();
    const r = region.kernels;
    const a = r.allocate(30 * 20).map((_, i) => Math.sin(i));
    const b = r.allocate(20 * 10).map((_, i) => Math.cos(i));
    const out = r.allocate(30 * 10);
    const expected = new Float64Array(30 * 10);
    r.matmul(a, b, out, 30, 20, 10);
    plainKernels.matmul(a, b, expected, 30, 20, 10);
    for (let i = 0; i < out.length; i++) expect(out[i]).toBeCloseTo(expected[i]!, 12);
    expect(r.variant).toBe('simd');
    region.release();
  });

  it('gives its arrays back when asynchronous work settles, also when it throws', async () => {
    const k = kernels();
    const before = k.memoryUse().inUseBytes;
    const value = await inKernelRegion(k, async (r) => {
      r.allocate!(70_000);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return r.allocate!(10).length;
    });
    expect(value).toBe(10);
    expect(k.memoryUse().inUseBytes).toBe(before);
    await expect(
      inKernelRegion(k, async (r) => {
        r.allocate!(70_000);
        throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
    expect(k.memoryUse().inUseBytes).toBe(before);
    expect(await inKernelRegion(plainKernels, async (r) => r === plainKernels)).toBe(true);
  });

  it('gives an outgrown scratch back as the call that outgrew it returns', () => {
    const k = kernels();
    // A fresh memory holds the smallest scratch block alone.
    expect(k.memoryUse().inUseBytes).toBe(64);
    const a = Float64Array.from({ length: 300 * 200 }, (_, i) => Math.sin(i));
    const b = Float64Array.from({ length: 200 * 100 }, (_, i) => Math.cos(i));
    // Arrays from outside the memory are copied into the scratch: 110,000 values grow it to 131,072 (1 MB).
    k.matmul(a, b, new Float64Array(300 * 100), 300, 200, 100);
    expect(k.memoryUse().inUseBytes).toBe(1 << 20);
    k.matmul(a.subarray(0, 10 * 200), b, new Float64Array(10 * 100), 10, 200, 100);
    expect(k.memoryUse().inUseBytes).toBe(1 << 20);
    // 340,000 values grow it to 524,288 (4 MB), and the 1 MB block goes back.
    const big = Float64Array.from({ length: 600 * 400 }, (_, i) => Math.sin(i));
    k.matmul(
      big,
      Float64Array.from({ length: 400 * 100 }, (_, i) => Math.cos(i)),
      new Float64Array(600 * 100),
      600,
      400,
      100,
    );
    expect(k.memoryUse().inUseBytes).toBe(1 << 22);
    expect(k.memoryUse().capacityBytes).toBe(1024 * 1024 * 1024);
  });
});
