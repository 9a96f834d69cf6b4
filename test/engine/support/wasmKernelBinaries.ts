// The WebAssembly kernels compiled from their WAT source by the build's own compiler, for tests (Node).
import type { WasmKernelBinaries } from '../../../engine/kernels/wasm/wasmKernels.js';

interface WasmBuild {
  compileKernels(variant: 'simd' | 'relaxed'): Promise<Uint8Array>;
}

/** Both variants, compiled now from the source (so a test never runs a stale build). */
export async function compiledWasmKernelBinaries(): Promise<Required<WasmKernelBinaries>> {
  const buildScript: string = '../../../scripts/buildWasm.mjs';
  const build = (await import(buildScript)) as WasmBuild;
  return { simd: await build.compileKernels('simd'), relaxed: await build.compileKernels('relaxed') };
}
