// `npm run bench` (Node): epochs per second of the exercise's four networks on digits-binary, beside the exercise's own
// NumPy code on the same task when python3 with NumPy is installed, and the matrix-product kernels' GFLOP/s.
import { spawnSync } from 'node:child_process';
import { readAssetText, assetsDirectory } from '../dist/engine/data/assetFiles.js';
import { createDataLoader, SEED_STREAMS } from '../dist/engine/data/dataSets.js';
import { blockedKernels } from '../dist/engine/kernels/blockedKernels.js';
import { plainKernels } from '../dist/engine/kernels/plainKernels.js';
import { buildNetwork } from '../dist/engine/network/network.js';
import { EXERCISE_HYPERPARAMETERS } from '../dist/engine/training/hyperparameters.js';
import { createRandom, deriveRandom } from '../dist/engine/random.js';
import { parseSpecText } from '../dist/engine/specText.js';
import { train } from '../dist/engine/training/train.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NETS = [
  ['64-32-ReLU-1-Sigmoid', 'linear:32,relu,linear:1,sigmoid'],
  ['64-32-1-Sigmoid', 'linear:32,linear:1,sigmoid'],
  ['64-1-Sigmoid', 'linear:1,sigmoid'],
  ['64-32-16-8-1 (ReLUs)', 'linear:32,relu,linear:16,relu,linear:8,relu,linear:1,sigmoid'],
];
const EPOCHS = 20;
const hyper = { ...EXERCISE_HYPERPARAMETERS, epochs: EPOCHS };
const loadData = createDataLoader(readAssetText);

/** Epochs per second of one network trained by the engine (after one warm-up run). */
async function engineSpeed(text) {
  const data = await loadData('digits-binary', hyper);
  const run = async (epochs) => {
    const network = buildNetwork(parseSpecText(text, 64), deriveRandom(hyper.seed, SEED_STREAMS.init));
    const started = process.hrtime.bigint();
    const outcome = await train({ network, data, hyper: { ...hyper, epochs }, yieldToEventLoop: async () => {} });
    return { seconds: Number(process.hrtime.bigint() - started) / 1e9, outcome };
  };
  await run(2);
  const { seconds, outcome } = await run(EPOCHS);
  return { perSecond: EPOCHS / seconds, accuracy: outcome.history.at(-1).testAccuracy };
}

/** The exercise's NumPy code on the same task, or undefined where python3 with NumPy is missing. */
function numpySpeeds() {
  const script = fileURLToPath(new URL('../bench/exerciseNumpy.py', import.meta.url));
  const result = spawnSync('python3', [script, join(assetsDirectory(), 'digits.csv'), String(EPOCHS)], { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  return new Map(result.stdout.trim().split('\n').map((line) => JSON.parse(line)).map((row) => [row.network, row]));
}

function matmulGflops(kernels, m, k, n, repeats) {
  const random = createRandom(1);
  const a = Float64Array.from({ length: m * k }, () => random.next());
  const b = Float64Array.from({ length: k * n }, () => random.next());
  const out = new Float64Array(m * n);
  for (let i = 0; i < 100; i++) kernels.matmul(a, b, out, m, k, n); // warm up
  const started = process.hrtime.bigint();
  for (let i = 0; i < repeats; i++) kernels.matmul(a, b, out, m, k, n);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return (2 * m * k * n * repeats) / seconds / 1e9;
}

const numpy = numpySpeeds();
const width = [24, 16, 16, 18, 10];
const line = (cells) => cells.map((cell, i) => String(cell).padEnd(width[i])).join('  ');
console.log(`digits-binary, ${EPOCHS} epochs, lr ${hyper.learningRate}, minibatch ${hyper.batchSize}, ${hyper.reduction}; engine with its default (register-blocked) kernels`);
console.log(line(['network', 'engine epochs/s', 'NumPy epochs/s', 'engine ÷ NumPy', `test acc`]));
for (const [name, text] of NETS) {
  const engine = await engineSpeed(text);
  const reference = numpy?.get(name);
  console.log(line([
    name, engine.perSecond.toFixed(1), reference ? reference.epochs_per_second.toFixed(1) : '—',
    reference ? `${(engine.perSecond / reference.epochs_per_second).toFixed(2)}×` : '—', engine.accuracy.toFixed(4),
  ]));
}
if (!numpy) console.log('(the NumPy column needs python3 with NumPy: it runs the exercise\'s own Net and fit from bench/exerciseNumpy.py)');
console.log('');
for (const [m, k, n, repeats] of [[10, 64, 32, 100000], [64, 64, 64, 5000], [256, 256, 256, 40]]) {
  console.log(`matmul ${m}×${k}·${k}×${n}: plain ${matmulGflops(plainKernels, m, k, n, repeats).toFixed(2)} GFLOP/s, register-blocked ${matmulGflops(blockedKernels, m, k, n, repeats).toFixed(2)} GFLOP/s`);
}
