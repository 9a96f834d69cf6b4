// The training part of `npm run bench:kernels` (Node): whole training runs in-process with each kernel implementation — the exercise's four
// networks (epochs per second) and a 784-256-128-10 MLP with softmax cross-entropy, one epoch of 10,000 seeded samples at minibatch 64
// (GFLOP/s of its products); warm, alternated rounds, medians.
import { readAssetText } from '../dist/engine/data/assetFiles.js';
import { createDataLoader, SEED_STREAMS } from '../dist/engine/data/dataSets.js';
import { buildNetwork } from '../dist/engine/network/network.js';
import { EXERCISE_HYPERPARAMETERS } from '../dist/engine/training/hyperparameters.js';
import { createRandom, deriveRandom } from '../dist/engine/random.js';
import { parseSpecText } from '../dist/engine/specText.js';
import { train } from '../dist/engine/training/train.js';

const NETS = [
  ['64-32-ReLU-1-Sigmoid', 'linear:32,relu,linear:1,sigmoid'],
  ['64-32-1-Sigmoid', 'linear:32,linear:1,sigmoid'],
  ['64-1-Sigmoid', 'linear:1,sigmoid'],
  ['64-32-16-8-1 (ReLUs)', 'linear:32,relu,linear:16,relu,linear:8,relu,linear:1,sigmoid'],
];

/** Seconds of one training run. */
async function seconds(network, data, hyper, kernels) {
  const started = performance.now();
  await train({ network, data, hyper, kernels, yieldToEventLoop: async () => {} });
  return (performance.now() - started) / 1000;
}

/** MLP samples: 10,000 train and 1,000 test, 784 features in [0, 1), one-hot targets of 10 classes, from a fixed seed. */
function mlpData() {
  const random = createRandom(7);
  const samples = (size) => {
    const features = Float64Array.from({ length: size * 784 }, () => random.next());
    const labels = Int32Array.from({ length: size }, () => Math.floor(random.next() * 10));
    const targets = new Float64Array(size * 10);
    labels.forEach((label, i) => {
      targets[i * 10 + label] = 1;
    });
    return { size, features, targets, labels };
  };
  return { inputs: 784, outputs: 10, train: samples(10_000), test: samples(1_000) };
}

/** Runs every case with every implementation, alternating, and returns the medians. */
export async function benchTraining(implementations, rounds) {
  const exercise = await createDataLoader(readAssetText)('digits-binary', { ...EXERCISE_HYPERPARAMETERS });
  const epochs = 25;
  const cases = NETS.map(([label, text]) => ({
    label: `${label}, ${epochs} epochs`,
    run: (kernels) =>
      seconds(
        buildNetwork(parseSpecText(text, 64), deriveRandom(EXERCISE_HYPERPARAMETERS.seed, SEED_STREAMS.init), kernels),
        exercise,
        { ...EXERCISE_HYPERPARAMETERS, epochs },
        kernels,
      ),
    unit: (s) => `${(epochs / s).toFixed(0)} epochs/s`,
  }));
  const mlp = mlpData();
  // Forward, weight gradient and input gradient (not for the first layer): 2·m·k·n flops each.
  const flops = 10_000 * 2 * (784 * 256 * 2 + 256 * 128 * 3 + 128 * 10 * 3);
  cases.push({
    label: 'MLP 784-256-128-10, 1 epoch of 10,000, batch 64',
    run: (kernels) =>
      seconds(
        buildNetwork(parseSpecText('linear:256,relu,linear:128,relu,linear:10,softmax', 784), createRandom(1), kernels),
        mlp,
        { ...EXERCISE_HYPERPARAMETERS, epochs: 1, batchSize: 64, loss: 'cce', learningRate: 0.01 },
        kernels,
      ),
    unit: (s) => `${(flops / s / 1e9).toFixed(2)} GFLOP/s`,
  });
  const results = [];
  for (const { label, run, unit } of cases) {
    for (const [, kernels] of implementations) await run(kernels);
    const samples = implementations.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (const [index, [, kernels]] of implementations.entries()) samples[index].push(await run(kernels));
    }
    const median = (values) => values.slice().sort((x, y) => x - y)[values.length >> 1];
    results.push({ case: label, ...Object.fromEntries(implementations.map(([name], index) => [name, unit(median(samples[index]))])) });
  }
  return results;
}
