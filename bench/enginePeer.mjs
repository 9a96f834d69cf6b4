// The lab's engine as a benchmark peer: trains with `defaultKernels` and with each other kernel set engine/kernels exports (Node).
import { readdirSync } from 'node:fs';
import { SEED_STREAMS } from '../dist/engine/data/dataSets.js';
import { defaultKernels } from '../dist/engine/kernels/defaultKernels.js';
import { buildNetwork } from '../dist/engine/network/network.js';
import { deriveRandom } from '../dist/engine/random.js';
import { findSurface } from '../dist/engine/surfaces/catalog.js';
import { evaluateGrid } from '../dist/engine/surfaces/grid.js';
import { surfaceFromExpression } from '../dist/engine/surfaces/userSurface.js';
import { estimateEpoch } from '../dist/engine/training/epochEstimate.js';
import { train } from '../dist/engine/training/train.js';
import { cpuSecondsSince } from './stats.mjs';

const KERNELS_FOLDER = new URL('../dist/engine/kernels/', import.meta.url);

/** The WebAssembly kernels in each variant this runtime runs, without helper threads, where the build made them; empty otherwise. */
async function wasmSets() {
  let files, wasm;
  try {
    files = await import(new URL('wasm/kernelFiles.js', KERNELS_FOLDER).href);
    wasm = await import(new URL('wasm/wasmKernels.js', KERNELS_FOLDER).href);
  } catch {
    return [];
  }
  const binaries = files.readWasmKernelBinaries();
  return binaries ? wasm.supportedWasmVariants(binaries).map((variant) => [`WASM ${variant}, 1 thread`, wasm.createWasmKernels(binaries, variant)]) : [];
}

/** The kernels the engine's processes run (`loadEngineKernels` where there is one, else `defaultKernels`), and its name. */
async function engineKernels(sets) {
  try {
    const { loadEngineKernels } = await import(new URL('wasm/kernelFiles.js', KERNELS_FOLDER).href);
    const kernels = loadEngineKernels();
    const name = kernels.variant ? `WASM ${kernels.variant}` : (sets.find(([, set]) => set === kernels)?.[0] ?? 'defaultKernels');
    return [name, kernels];
  } catch {
    return [sets.find(([, set]) => set === defaultKernels)?.[0] ?? 'defaultKernels', defaultKernels];
  }
}

/**
 * The kernels the engine's processes run, first, then every other kernel set engine/kernels exports (an object with a
 * matmul function) and the WebAssembly kernels in each variant this runtime runs.
 */
export async function kernelSets() {
  const exported = [];
  for (const file of readdirSync(KERNELS_FOLDER)
    .filter((name) => name.endsWith('.js'))
    .sort()) {
    const module = await import(new URL(file, KERNELS_FOLDER).href);
    for (const [name, value] of Object.entries(module)) {
      if (value && typeof value === 'object' && typeof value.matmul === 'function' && !exported.some(([, set]) => set === value)) {
        exported.push([name === 'defaultKernels' ? 'defaultKernels' : name, value]);
      }
    }
  }
  // A set exported under its own name and as defaultKernels is named by its own name.
  const named = exported.filter(([name, set]) => name !== 'defaultKernels' || !exported.some(([other, s]) => s === set && other !== name));
  const [engineName, engine] = await engineKernels(named);
  const others = [...named, ...(await wasmSets())].filter(([name, set]) => set !== engine && name !== engineName);
  return [[engineName, engine], ...others];
}

/** A peer that runs each task with one kernel set; `name` is how it is reported. */
export function enginePeer(name, kernels) {
  return {
    name,
    kind: 'engine',
    async info() {
      return { kernels: name };
    },
    supports: () => true,
    async run(task) {
      if (task.kind === 'grid') {
        const started = performance.now();
        const cpu = process.cpuUsage();
        const surface = task.typed ? surfaceFromExpression(task.formula, task.bounds) : findSurface('exercise');
        const grid = evaluateGrid(surface, task.bounds, task.nx, task.ny);
        const seconds = (performance.now() - started) / 1000;
        const cpuSeconds = cpuSecondsSince(cpu);
        let sum = 0;
        for (const v of grid.values) sum += v;
        return { seconds, cpuSeconds, result: { sum } };
      }
      // A task that asks for it gets the epoch estimate the lab would show before the run, made just before it, untimed.
      const estimateSeconds = task.estimateBefore ? estimateTask(task, kernels).secondsPerEpoch : undefined;
      // The last Fashion-MNIST run's minibatches (hundreds of megabytes) return to the kernels' memory first. Only there:
      // a forced full collection throws compiled code away, which slows the small workloads' next run.
      if (task.workload === 'fashion') globalThis.gc?.();
      const network = buildNetwork(task.spec, deriveRandom(task.seed, SEED_STREAMS.init), kernels);
      const started = performance.now();
      const cpu = process.cpuUsage();
      const outcome = await train({ network, data: task.data, hyper: task.hyper, kernels });
      const seconds = (performance.now() - started) / 1000;
      return { seconds, cpuSeconds: cpuSecondsSince(cpu), result: outcome.history.at(-1), estimateSeconds };
    },
    async close() {},
  };
}

/** The engine's estimate of a training task's epoch (as the lab shows it before a run), made on a fresh network with `kernels`. */
export function estimateTask(task, kernels) {
  globalThis.gc?.();
  const network = buildNetwork(task.spec, deriveRandom(task.seed, SEED_STREAMS.init), kernels);
  return estimateEpoch({ network, data: task.data, hyper: task.hyper, kernels });
}
