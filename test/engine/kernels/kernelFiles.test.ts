// The engine's processes load the compiled WebAssembly kernels from the build and pick the best variant the runtime validates.
import { describe, expect, it } from 'vitest';
import { loadEngineKernels, readWasmKernelBinaries } from '../../../engine/kernels/wasm/kernelFiles.js';
import type { WasmKernels } from '../../../engine/kernels/wasm/wasmKernels.js';
import { compiledWasmKernelBinaries } from '../support/wasmKernelBinaries.js';

describe('the compiled WebAssembly kernels', () => {
  it('are found where the build writes them, both variants, as the WAT source compiles today', async () => {
    const built = readWasmKernelBinaries();
    const fresh = await compiledWasmKernelBinaries();
    expect(built).toBeDefined();
    expect(new Uint8Array(built!.simd)).toEqual(fresh.simd);
    expect(new Uint8Array(built!.relaxed!)).toEqual(fresh.relaxed);
  });

  it('are what an engine process runs, in the relaxed-SIMD variant where the runtime validates it, made once per process', () => {
    const kernels = loadEngineKernels() as WasmKernels;
    expect(kernels.variant).toBe('relaxed');
    expect(loadEngineKernels()).toBe(kernels);
  });
});
