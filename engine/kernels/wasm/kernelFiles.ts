// Reads the compiled WebAssembly kernels and makes the engine's kernels from them (Node only: the engine's processes, the CLI, tests).
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Kernels } from '../kernels.js';
import { defaultKernels } from '../defaultKernels.js';
import type { KernelHelperSetup } from './kernelHelper.js';
import { createWasmKernels, supportedWasmVariants, type KernelHelpers, type WasmKernelBinaries, type WasmKernelsVariant } from './wasmKernels.js';

/**
 * The folder the build writes the .wasm files to, seen from this module: beside it once compiled (dist/engine/kernels/wasm),
 * dist/engine/kernels/wasm from a bundle in a sibling of dist/engine (such as dist/bin), or under dist/ from the sources.
 */
function kernelsDirectory(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  return [here, resolve(here, '../engine/kernels/wasm'), resolve(here, '../../../dist/engine/kernels/wasm')].find((directory) =>
    existsSync(join(directory, 'simdKernels.wasm')),
  );
}

/** The compiled kernel modules; undefined when the build has not produced them. */
export function readWasmKernelBinaries(): WasmKernelBinaries | undefined {
  const directory = kernelsDirectory();
  if (!directory) return undefined;
  const simd = join(directory, 'simdKernels.wasm');
  const relaxed = join(directory, 'simdKernels.relaxed.wasm');
  return { simd: readFileSync(simd), ...(existsSync(relaxed) ? { relaxed: readFileSync(relaxed) } : {}) };
}

/** At most this many helper threads (one fewer than the cores, so the calling thread has one of its own). */
const MAX_HELPERS = 3;

/**
 * Helper threads for the kernels' large products: one per core beyond the first (none on one core), each a worker thread
 * running the compiled kernelHelperEntry beside the engine, unreferenced so that it never keeps the process alive.
 */
export function kernelHelperThreads(): KernelHelpers {
  return {
    start(setup: KernelHelperSetup): number {
      const directory = kernelsDirectory();
      const entry = directory && resolve(directory, '../../worker/kernelHelperEntry.js');
      if (!entry || !existsSync(entry)) return 0;
      let started = 0;
      for (let i = 0; i < Math.min(MAX_HELPERS, availableParallelism() - 1); i++) {
        try {
          const helper = new Worker(pathToFileURL(entry), { workerData: setup });
          // A helper that fails leaves its share to the calling thread, which computes every part no helper claims.
          helper.on('error', () => undefined).unref();
          started++;
        } catch {
          break;
        }
      }
      return started;
    },
  };
}

let loaded: Kernels | undefined;

/**
 * The kernels an engine process runs, made once per process: the WebAssembly ones in the best variant this runtime
 * validates (or the one named by $BACKPROP_LAB_KERNELS: "relaxed", "simd" or "js"), with helper threads for large products,
 * else the TypeScript {@link defaultKernels}.
 */
export function loadEngineKernels(): Kernels {
  return (loaded ??= chooseKernels());
}

function chooseKernels(): Kernels {
  const wanted = process.env['BACKPROP_LAB_KERNELS'] || undefined;
  if (wanted === 'js') return defaultKernels;
  if (wanted !== undefined && wanted !== 'relaxed' && wanted !== 'simd') {
    throw new Error(`BACKPROP_LAB_KERNELS is "${wanted}"; it may be "relaxed", "simd" or "js"`);
  }
  const binaries = readWasmKernelBinaries();
  if (!binaries) {
    if (wanted) throw new Error(`the WebAssembly kernels were asked for but are not built (run npm run build:node)`);
    return defaultKernels;
  }
  const variant: WasmKernelsVariant | undefined = wanted ?? supportedWasmVariants(binaries)[0];
  return variant ? createWasmKernels(binaries, variant, { helpers: kernelHelperThreads() }) : defaultKernels;
}
