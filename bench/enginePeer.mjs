// The lab's engine as a benchmark peer: trains with `defaultKernels` and with each other kernel set engine/kernels exports (Node).
import { readdirSync } from 'node:fs';
import { SEED_STREAMS } from '../dist/engine/data/dataSets.js';
import { defaultKernels } from '../dist/engine/kernels/defaultKernels.js';
import { buildNetwork } from '../dist/engine/network/network.js';
import { deriveRandom } from '../dist/engine/random.js';
import { findSurface } from '../dist/engine/surfaces/catalog.js';
import { evaluateGrid } from '../dist/engine/surfaces/grid.js';
import { surfaceFromExpression } from '../dist/engine/surfaces/userSurface.js';
import { train } from '../dist/engine/training/train.js';

const KERNELS_FOLDER = new URL('../dist/engine/kernels/', import.meta.url);

/** Every kernel set engine/kernels exports (an object with a matmul function), by export name, the default first. */
export async function kernelSets() {
  const sets = [['default', defaultKernels]];
  let defaultName;
  for (const file of readdirSync(KERNELS_FOLDER).filter((name) => name.endsWith('.js')).sort()) {
    const module = await import(new URL(file, KERNELS_FOLDER).href);
    for (const [name, value] of Object.entries(module)) {
      if (value === defaultKernels && name !== 'defaultKernels') defaultName ??= name;
      if (value && typeof value === 'object' && typeof value.matmul === 'function' && !sets.some(([, set]) => set === value)) {
        sets.push([name, value]);
      }
    }
  }
  return { sets, defaultName };
}

/** A peer that runs each task with one kernel set; `name` is how it is reported. */
export function enginePeer(name, kernels) {
  return {
    name,
    kind: 'engine',
    async info() { return { kernels: name }; },
    supports: () => true,
    async run(task) {
      if (task.kind === 'grid') {
        const started = performance.now();
        const surface = task.typed ? surfaceFromExpression(task.formula, task.bounds) : findSurface('exercise');
        const grid = evaluateGrid(surface, task.bounds, task.nx, task.ny);
        const seconds = (performance.now() - started) / 1000;
        let sum = 0;
        for (const v of grid.values) sum += v;
        return { seconds, result: { sum } };
      }
      const network = buildNetwork(task.spec, deriveRandom(task.seed, SEED_STREAMS.init), kernels);
      const started = performance.now();
      const outcome = await train({ network, data: task.data, hyper: task.hyper, kernels });
      const seconds = (performance.now() - started) / 1000;
      return { seconds, result: outcome.history.at(-1) };
    },
    async close() {},
  };
}
