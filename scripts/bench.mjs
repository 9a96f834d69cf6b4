// `npm run bench`: epochs per second of the exercise's four networks on digits-binary, and the matmul kernel's GFLOP/s (Node).
import { readAssetText } from '../dist/engine/data/assetFiles.js';
import { parseDigitsCsv, prepareDigits } from '../dist/engine/data/dataSets.js';
import { plainKernels } from '../dist/engine/kernels/plainKernels.js';
import { buildNetwork } from '../dist/engine/network/network.js';
import { EXERCISE_HYPERPARAMETERS } from '../dist/engine/protocol.js';
import { createRandom, deriveRandom } from '../dist/engine/random.js';
import { parseSpecText } from '../dist/engine/specText.js';
import { train } from '../dist/engine/training/train.js';

const NETS = [
  ['64-32-ReLU-1-Sigmoid', 'linear:32,relu,linear:1,sigmoid'],
  ['64-32-1-Sigmoid', 'linear:32,linear:1,sigmoid'],
  ['64-1-Sigmoid', 'linear:1,sigmoid'],
  ['64-32-16-8-1 (ReLUs)', 'linear:32,relu,linear:16,relu,linear:8,relu,linear:1,sigmoid'],
];
const EPOCHS = 10;

const table = parseDigitsCsv(readAssetText('digits.csv'));
const hyper = { ...EXERCISE_HYPERPARAMETERS, epochs: EPOCHS };
const rows = [];
for (const [name, text] of NETS) {
  const data = prepareDigits('digits-binary', table, hyper.trainFraction, deriveRandom(hyper.seed, 0));
  const network = buildNetwork(parseSpecText(text, 64), deriveRandom(hyper.seed, 1));
  const started = process.hrtime.bigint();
  const outcome = await train({ network, data, hyper, yieldToEventLoop: async () => {} });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const last = outcome.history.at(-1);
  rows.push([name, (EPOCHS / seconds).toFixed(1), last.testAccuracy.toFixed(4)]);
}

function matmulGflops(size, repeats) {
  const random = createRandom(1);
  const a = Float64Array.from({ length: size * size }, () => random.next());
  const b = Float64Array.from({ length: size * size }, () => random.next());
  const out = new Float64Array(size * size);
  plainKernels.matmul(a, b, out, size, size, size); // warm up
  const started = process.hrtime.bigint();
  for (let i = 0; i < repeats; i++) plainKernels.matmul(a, b, out, size, size, size);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return (2 * size ** 3 * repeats) / seconds / 1e9;
}

const width = [24, 12, 16];
const line = (cells) => cells.map((cell, i) => String(cell).padEnd(width[i])).join('  ');
console.log(`digits-binary, ${EPOCHS} epochs, lr ${hyper.learningRate}, minibatch ${hyper.batchSize}, ${hyper.reduction}, plain kernels`);
console.log(line(['network', 'epochs/s', `test acc @${EPOCHS}`]));
for (const row of rows) console.log(line(row));
console.log('');
for (const size of [64, 256]) console.log(`matmul ${size}×${size}·${size}×${size}: ${matmulGflops(size, size === 64 ? 2000 : 20).toFixed(2)} GFLOP/s`);
