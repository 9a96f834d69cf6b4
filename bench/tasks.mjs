// The benchmark's workloads, built once from the engine: the split, the initial weights, the grid, the Fashion-MNIST images (Node).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAssetText } from '../dist/engine/data/assetFiles.js';
import { createDataLoader, SEED_STREAMS } from '../dist/engine/data/dataSets.js';
import { IMAGE_DATA_SETS } from '../dist/engine/data/dataSetNames.js';
import { readIdxImages } from '../dist/engine/data/idx.js';
import { FASHION_CONVNET_ID, findPreset } from '../dist/engine/network/networkPresets.js';
import { buildNetwork } from '../dist/engine/network/network.js';
import { createRandom, deriveRandom } from '../dist/engine/random.js';
import { formatSpecText, parseSpecText } from '../dist/engine/specText.js';
import { findSurface } from '../dist/engine/surfaces/catalog.js';
import { EXERCISE_HYPERPARAMETERS } from '../dist/engine/training/hyperparameters.js';
import { layersOf } from './taskFiles.mjs';

/** The exercise's four networks, in the engine's short form after the 64 inputs. */
export const EXERCISE_NETS = [
  ['64-32-ReLU-1-Sigmoid', 'linear:32,relu,linear:1,sigmoid'],
  ['64-32-1-Sigmoid', 'linear:32,linear:1,sigmoid'],
  ['64-1-Sigmoid', 'linear:1,sigmoid'],
  ['64-32-16-8-1 (ReLUs)', 'linear:32,relu,linear:16,relu,linear:8,relu,linear:1,sigmoid'],
];

export const MLP_TEXT = 'linear:256,relu,linear:128,relu,linear:10,softmax';

/** 10,000 + 1,000 seeded samples of 784 features in [0, 1) labelled by a seeded random linear teacher into 10 classes. */
function syntheticMlpData(trainSize, testSize) {
  const random = createRandom(7);
  const inputs = 784,
    outputs = 10;
  const teacher = Float64Array.from({ length: inputs * outputs }, () => random.next() - 0.5);
  const samples = (size) => {
    const features = Float64Array.from({ length: size * inputs }, () => random.next());
    const targets = new Float64Array(size * outputs);
    const labels = new Int32Array(size);
    for (let r = 0; r < size; r++) {
      let best = 0,
        bestScore = -Infinity;
      for (let j = 0; j < outputs; j++) {
        let score = 0;
        for (let i = 0; i < inputs; i++) score += features[r * inputs + i] * teacher[i * outputs + j];
        if (score > bestScore) {
          bestScore = score;
          best = j;
        }
      }
      labels[r] = best;
      targets[r * outputs + best] = 1;
    }
    return { size, features, targets, labels };
  };
  return { name: 'synthetic-784', inputs, outputs, train: samples(trainSize), test: samples(testSize) };
}

/**
 * The training workloads: (a) the exercise's four networks on digits-binary, (b) the 784-256-128-10 MLP, and the MLP's
 * warm-up (its first 20 minibatches: the same shapes and code, an eighth of the time).
 */
export async function trainingTasks({ exerciseEpochs = 25, mlpSamples = 10000 } = {}) {
  const hyper = { ...EXERCISE_HYPERPARAMETERS, epochs: exerciseEpochs };
  const digits = await createDataLoader(readAssetText)('digits-binary', hyper);
  const tasks = EXERCISE_NETS.map(([name, text]) => ({
    id: `exercise ${name}`,
    workload: 'exercise',
    kind: 'train',
    name,
    text,
    data: digits,
    seed: hyper.seed,
    hyper: { epochs: hyper.epochs, learningRate: hyper.learningRate, batchSize: hyper.batchSize, reduction: hyper.reduction },
    loss: 'bce',
  }));
  const mlpData = syntheticMlpData(mlpSamples, Math.round(mlpSamples / 10));
  tasks.push({
    id: 'mlp 784-256-128-10',
    workload: 'mlp',
    kind: 'train',
    name: '784-256-128-10 softmax',
    text: MLP_TEXT,
    data: mlpData,
    seed: 1,
    hyper: { epochs: 1, learningRate: 0.1, batchSize: 64, reduction: 'mean' },
    loss: 'softmax-ce',
  });
  const slice = (s, size) => ({
    size,
    features: s.features.subarray(0, size * mlpData.inputs),
    targets: s.targets.subarray(0, size * mlpData.outputs),
    labels: s.labels.subarray(0, size),
  });
  const mlp = tasks.at(-1);
  tasks.push({
    ...mlp,
    id: 'mlp warm-up',
    warmUpOnly: true,
    warmUpFor: mlp.id,
    data: { ...mlpData, train: slice(mlpData.train, 20 * 64), test: slice(mlpData.test, 2 * 64) },
  });
  for (const task of tasks) {
    task.spec = parseSpecText(task.text, task.data.inputs);
    task.layers = layersOf(buildNetwork(task.spec, deriveRandom(task.seed, SEED_STREAMS.init)));
  }
  return tasks;
}

/** The grid workloads: the exercise's f(x, y) on 1000×1000 points, built in and typed as an expression. */
export function gridTasks(points = 1000) {
  const surface = findSurface('exercise');
  const common = { workload: 'grid', kind: 'grid', nx: points, ny: points, bounds: surface.bounds, formula: surface.formula };
  return [
    { ...common, id: 'grid built-in', name: `f(x, y) built in, ${points}×${points}`, typed: false },
    { ...common, id: 'grid typed', name: `f(x, y) typed, ${points}×${points}`, typed: true },
  ];
}

/** The two-convolution network and the MLP the Fashion-MNIST workload trains: the lab's Fashion-MNIST presets, by name and preset id. */
export const FASHION_NETS = [
  ['two-convolution network', FASHION_CONVNET_ID],
  ['MLP 784-256-128-10', 'fashion-mlp'],
];
/** Where Debian's dataset-fashion-mnist package installs the files. */
export const FASHION_FOLDER = IMAGE_DATA_SETS['fashion-mnist'].folder;

/** The first `size` images of an IDX pair, pixels scaled to [0, 1], labels one-hot over 10 classes. */
function idxSamples(prefix, size) {
  const read = (name) => ({ bytes: readFileSync(join(FASHION_FOLDER, name)), name });
  const images = readIdxImages(read(`${prefix}-images-idx3-ubyte.gz`), read(`${prefix}-labels-idx1-ubyte.gz`));
  const count = Math.min(size, images.count);
  const inputs = images.height * images.width;
  const features = new Float64Array(count * inputs);
  for (let i = 0; i < features.length; i++) features[i] = images.pixels[i] / 255;
  const labels = Int32Array.from(images.labels.subarray(0, count));
  const targets = new Float64Array(count * 10);
  labels.forEach((label, r) => (targets[r * 10 + label] = 1));
  return { size: count, features, targets, labels };
}

/**
 * The Fashion-MNIST workload: one epoch of the two-convolution network and of the MLP on the first `rows` training
 * images (60,000: the whole epoch) with a test pass over rows / 6 test images (10,000), minibatch 64, mean softmax
 * cross-entropy, plain SGD; and each one's warm-up (its first 20 minibatches). Undefined where the files are absent.
 */
export function fashionTasks({ rows = 60000 } = {}) {
  if (!existsSync(join(FASHION_FOLDER, 'train-images-idx3-ubyte.gz'))) return undefined;
  const data = { name: 'fashion-mnist', inputs: 784, outputs: 10, train: idxSamples('train', rows), test: idxSamples('t10k', Math.round(rows / 6)) };
  const warmData = {
    ...data,
    train: { ...data.train, size: 20 * 64, features: data.train.features.subarray(0, 20 * 64 * 784), targets: data.train.targets.subarray(0, 20 * 640) },
    test: { ...data.test, size: 64, features: data.test.features.subarray(0, 64 * 784), targets: data.test.targets.subarray(0, 640) },
  };
  const tasks = [];
  for (const [name, presetId] of FASHION_NETS) {
    const preset = findPreset(presetId);
    if (!preset) throw new Error(`bench: the lab has no preset ${presetId}`);
    const { spec } = preset;
    const task = {
      id: `fashion ${name}`,
      workload: 'fashion',
      kind: 'train',
      name: `Fashion-MNIST, ${name}`,
      text: formatSpecText(spec),
      data,
      seed: 1,
      hyper: { epochs: 1, learningRate: 0.05, batchSize: 64, reduction: 'mean' },
      loss: 'softmax-ce',
      estimateBefore: true,
    };
    tasks.push(task, { ...task, id: `${task.id} warm-up`, warmUpOnly: true, warmUpFor: task.id, data: warmData, estimateBefore: false });
    for (const t of tasks.slice(-2)) {
      t.spec = spec;
      t.layers = layersOf(buildNetwork(t.spec, deriveRandom(t.seed, SEED_STREAMS.init)));
    }
  }
  return tasks;
}
