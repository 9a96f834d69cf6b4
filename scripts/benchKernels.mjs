// `npm run bench:kernels` (Node): the matrix-product kernels' speed in GFLOP/s — register-blocked TypeScript, WebAssembly SIMD and
// relaxed SIMD (fused multiply-add), and the latter with helper threads — on the exercise's shapes and the 784-256-128-10 MLP's at minibatch 64, then whole training runs
// with each (`--kernels-only` skips those, `--json` prints JSON); warm, alternated rounds, medians.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { relaxedSimdExecArgv } from '../dist/node/relaxedSimdFlags.js';

// Where this Node validates relaxed SIMD only behind a flag: runs itself again with it.
if (relaxedSimdExecArgv.some((flag) => !process.execArgv.includes(flag))) {
  const run = spawnSync(process.execPath, [...relaxedSimdExecArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const { blockedKernels } = await import('../dist/engine/kernels/blockedKernels.js');
const { createWasmKernels, supportedWasmVariants } = await import('../dist/engine/kernels/wasm/wasmKernels.js');
const { kernelHelperThreads, readWasmKernelBinaries } = await import('../dist/engine/kernels/wasm/kernelFiles.js');

const binaries = readWasmKernelBinaries();
if (!binaries) throw new Error('the WebAssembly kernels are not built: run npm run build:node');
const implementations = [['blocked TS', blockedKernels, false]];
for (const variant of supportedWasmVariants(binaries).reverse()) {
  const kernels = createWasmKernels(binaries, variant);
  implementations.push([`WASM ${variant}`, kernels, true]);
}
// The best variant again with the helper threads the engine's processes give it (large products shared by size).
const best = supportedWasmVariants(binaries)[0];
if (best) implementations.push([`WASM ${best} + helper threads`, createWasmKernels(binaries, best, { helpers: kernelHelperThreads() }), true]);

/** [label, kernel, m, k, n]: the forward x·W, the weight gradient xᵀ·dy and the input gradient dy·Wᵀ of each layer. */
const layers = [
  ['exercise 10×64·64×32', 10, 64, 32],
  ['MLP 64×784·784×256', 64, 784, 256],
  ['MLP 64×256·256×128', 64, 256, 128],
  ['MLP 64×128·128×10', 64, 128, 10],
];
const cases = layers.flatMap(([label, m, k, n]) => [
  [`${label} matmul`, 'matmul', m, k, n],
  [`${label} transposeA`, 'matmulTransposeA', m, k, n],
  [`${label} transposeB`, 'matmulTransposeB', m, n, k],
]);
const json = process.argv.includes('--json');
const rounds = 7;
const random = (length) => Float64Array.from({ length }, () => Math.random() * 2 - 1);

/** Seconds per call of one kernel on arrays of the kernels' own memory when it has one, over about 30 ms of calls. */
function time(kernels, inMemory, name, m, k, n) {
  const sizes = { matmul: [m * k, k * n, m * n], matmulTransposeA: [m * k, m * n, k * n], matmulTransposeB: [m * k, n * k, m * n] }[name];
  const [a, b, out] = sizes.map((length) => {
    const values = random(length);
    if (!inMemory) return values;
    const placed = kernels.allocate(length);
    placed.set(values);
    return placed;
  });
  const call = () => kernels[name](a, b, out, m, k, n);
  let calls = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) call();
    const elapsed = performance.now() - start;
    if (elapsed > 30) return elapsed / 1000 / calls;
    calls *= 2;
  }
}

const results = [];
for (const [label, name, m, k, n] of cases) {
  const samples = implementations.map(() => []);
  for (const [, kernels, inMemory] of implementations) time(kernels, inMemory, name, m, k, n);
  for (let round = 0; round < rounds; round++) {
    implementations.forEach(([, kernels, inMemory], index) => samples[index].push(time(kernels, inMemory, name, m, k, n)));
  }
  const median = (values) => values.slice().sort((x, y) => x - y)[values.length >> 1];
  const gflops = samples.map((values) => (2 * m * k * n) / median(values) / 1e9);
  results.push({ case: label, ...Object.fromEntries(implementations.map(([implementation], index) => [implementation, Number(gflops[index].toFixed(2))])) });
}
const { benchTraining } = await import('./benchTraining.mjs');
const training = process.argv.includes('--kernels-only') ? [] : await benchTraining(implementations, 5);
if (json) console.log(JSON.stringify({ node: process.version, unit: 'GFLOP/s', rounds, results, training }, null, 2));
else {
  console.log(`Matrix products, GFLOP/s, median of ${rounds} alternated rounds, Node ${process.version}`);
  console.table(results);
  if (training.length > 0) {
    console.log('Training in-process, median of 5 alternated rounds');
    console.table(training);
  }
}
