import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readAssetText } from '../../engine/data/assetFiles.js';
import { createDataLoader, SEED_STREAMS, type PreparedData } from '../../engine/data/dataSets.js';
import { buildNetwork } from '../../engine/network/network.js';
import { createRandom, deriveRandom } from '../../engine/random.js';
import { parseSpecText } from '../../engine/specText.js';
import { EXERCISE_HYPERPARAMETERS } from '../../engine/training/hyperparameters.js';
import { train } from '../../engine/training/train.js';

const BENCH = new URL('../../bench/', import.meta.url);
const SERVER = fileURLToPath(new URL('reference/server.py', BENCH));
const { writeTaskFiles, layersOf } = await import(new URL('taskFiles.mjs', BENCH).href);
const { findPython } = await import(new URL('pythonPeer.mjs', BENCH).href);

const PYTHONS = ['python3', '/usr/bin/python3'];
const numpyPython: string | undefined = findPython(PYTHONS, 'numpy');
const torchPython: string | undefined = findPython(PYTHONS, 'torch');

interface Metrics {
  trainLoss: number;
  trainAccuracy: number;
  testLoss?: number | undefined;
  testAccuracy?: number | undefined;
}

type TaskData = Pick<PreparedData, 'inputs' | 'outputs' | 'train' | 'test'>;

/** A small softmax task: 256 + 64 seeded samples of 12 features in 3 classes. */
function softmaxData(): TaskData {
  const random = createRandom(3);
  const samples = (size: number) => {
    const features = Float64Array.from({ length: size * 12 }, () => random.next() * 2 - 1);
    const targets = new Float64Array(size * 3);
    const labels = new Int32Array(size);
    for (let r = 0; r < size; r++) {
      const label = features[r * 12]! > 0.3 ? 0 : features[r * 12 + 1]! > 0 ? 1 : 2;
      labels[r] = label;
      targets[r * 3 + label] = 1;
    }
    return { size, features, targets, labels };
  };
  return { inputs: 12, outputs: 3, train: samples(256), test: samples(64) };
}

/** The engine's metrics after training, and the same task run by a Python peer from the engine's split and initial weights. */
async function sideBySide(
  python: string,
  peer: 'numpy' | 'torch',
  text: string,
  data: TaskData,
  hyper: { epochs: number; learningRate: number; batchSize: number; reduction: 'sum' | 'mean' },
  loss: string,
  inputShape?: [number, number, number],
) {
  const spec = inputShape ? { ...parseSpecText(text, data.inputs), inputShape } : parseSpecText(text, data.inputs);
  const network = buildNetwork(spec, deriveRandom(1, SEED_STREAMS.init));
  const task = { id: 'check', kind: 'train', data, hyper, loss, spec, layers: layersOf(network) };
  const outcome = await train({ network, data, hyper, yieldToEventLoop: async () => {} });
  const files = writeTaskFiles([task]);
  try {
    const input = `${JSON.stringify({ cmd: 'load', path: files.paths.get('check') })}\n${JSON.stringify({ cmd: 'run', id: 'check' })}\n`;
    const result = spawnSync(python, [SERVER, peer], { input, encoding: 'utf8' });
    const answers = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(answers[1].error).toBeUndefined();
    return { engine: outcome.history.at(-1)!, reference: answers[1].result as Metrics };
  } finally {
    rmSync(files.folder, { recursive: true, force: true });
  }
}

function expectSameMetrics(engine: Metrics, reference: Metrics, tolerance: number): void {
  for (const key of ['trainLoss', 'trainAccuracy', 'testLoss', 'testAccuracy'] as const) {
    expect(Math.abs(reference[key]! - engine[key]!)).toBeLessThan(tolerance * Math.max(1, Math.abs(engine[key]!)));
  }
}

const peers = [
  ['numpy', numpyPython],
  ['torch', torchPython],
] as const;

describe.each(peers)("the benchmark's %s reference", (peer, python) => {
  it.skipIf(!python)("trains the exercise network from the engine's split and weights to the engine's loss and accuracy", async () => {
    const hyper = { ...EXERCISE_HYPERPARAMETERS, epochs: 2 };
    const digits = await createDataLoader(readAssetText)('digits-binary', hyper);
    const data: TaskData = { inputs: digits.inputs, outputs: digits.outputs, train: digits.train, test: digits.test };
    const { engine, reference } = await sideBySide(
      python!,
      peer,
      'linear:32,relu,linear:1,sigmoid',
      data,
      { epochs: 2, learningRate: hyper.learningRate, batchSize: hyper.batchSize, reduction: 'sum' },
      'bce',
    );
    expectSameMetrics(engine, reference, 1e-9);
  });

  it.skipIf(!python)("trains a softmax network with the mean reduction to the engine's loss and accuracy", async () => {
    const { engine, reference } = await sideBySide(
      python!,
      peer,
      'linear:16,relu,linear:3,softmax',
      softmaxData(),
      { epochs: 3, learningRate: 0.1, batchSize: 16, reduction: 'mean' },
      'softmax-ce',
    );
    expectSameMetrics(engine, reference, 1e-9);
  });
});

describe("the benchmark's PyTorch reference on images", () => {
  it.skipIf(!torchPython)("trains a convnet (same and valid padding, a stride, max and average pooling) to the engine's loss and accuracy", async () => {
    const hyper = { ...EXERCISE_HYPERPARAMETERS, epochs: 2 };
    const digits = await createDataLoader(readAssetText)('digits', hyper);
    const data: TaskData = { inputs: digits.inputs, outputs: digits.outputs, train: digits.train, test: digits.test };
    const { engine, reference } = await sideBySide(
      torchPython!,
      'torch',
      'conv2d:4:3:1:same,relu,maxpool2d:2,conv2d:6:2:2,relu,avgpool2d:1,flatten,linear:10,softmax',
      data,
      { epochs: 2, learningRate: 0.05, batchSize: 16, reduction: 'mean' },
      'softmax-ce',
      [1, 8, 8],
    );
    expectSameMetrics(engine, reference, 1e-9);
  });
});
