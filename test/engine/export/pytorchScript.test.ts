// train_run.py run by PyTorch: the exported script trains the same network from the same weights on the same data and
// gives the engine's per-epoch losses and accuracies to 1e-9, over optimizers, losses, reductions and activations.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { definitionOf, LAYER_TYPES } from '../../../engine/layers/registry.js';
import type { DataSource } from '../../../engine/data/dataSource.js';
import type { EngineEvent, EngineRequest } from '../../../engine/protocol/index.js';
import type { TrainFinished } from '../../../engine/protocol/training.js';
import { parseSpecText } from '../../../engine/specText.js';
import type { Hyperparameters } from '../../../engine/training/hyperparameters.js';
import { createInProcessEngine } from '../../../engine/worker/inProcessEntry.js';
import { NO_TORCH, torchAvailable } from '../support/torchReference.js';

const folder = mkdtempSync(join(tmpdir(), 'backprop-lab-script-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Sends `requests` to a fresh in-process engine and resolves with the event that answers the last one. */
function ask(requests: EngineRequest[], answers: (event: EngineEvent) => boolean): Promise<EngineEvent> {
  return new Promise((resolve) => {
    const engine = createInProcessEngine((event) => {
      if (answers(event) || event.type === 'error') {
        engine.dispose();
        resolve(event);
      }
    });
    for (const request of requests) engine.receive(request);
  });
}

/** Trains a run in the engine, then asks it for the run's train_run.py; returns the run and the script's path. */
async function exportRun(
  name: string,
  net: string,
  inputs: number,
  dataSet: DataSource,
  hyper: Hyperparameters,
  inputShape?: number[],
): Promise<{ finished: TrainFinished; script: string }> {
  const spec = { ...parseSpecText(net, inputs), ...(inputShape ? { inputShape } : {}) };
  const finished = await ask([{ type: 'train.start', runId: name, spec, dataSet, hyper }], (event) => event.type === 'train.finished');
  if (finished.type !== 'train.finished') throw new Error(JSON.stringify(finished));
  const file = await ask(
    [{ type: 'export.build', requestId: name, format: 'train_run.py', runId: name, weights: finished.weights, training: { dataSet, hyper } }],
    (event) => event.type === 'export.file',
  );
  if (file.type !== 'export.file') throw new Error(JSON.stringify(file));
  expect([file.fileName, file.mime]).toEqual(['train_run.py', 'text/x-python']);
  const script = join(folder, `${name}.py`);
  writeFileSync(script, file.bytes);
  return { finished, script };
}

function python(script: string, ...args: string[]): unknown {
  const run = spawnSync('/usr/bin/python3', [script, ...args], { encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`train_run.py failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const CASES: { name: string; net: string; inputs: number; inputShape?: number[]; dataSet: DataSource; hyper: Hyperparameters }[] = [
  {
    name: 'exercise',
    net: 'linear:32,relu,linear:1,sigmoid',
    inputs: 64,
    dataSet: 'digits-binary',
    hyper: { epochs: 3, learningRate: 0.01, batchSize: 10, reduction: 'sum', trainFraction: 0.5, seed: 1 },
  },
  {
    name: 'adam',
    net: 'linear:8,tanh,linear:3,softmax',
    inputs: 4,
    dataSet: 'iris',
    hyper: {
      epochs: 4,
      learningRate: 0.01,
      batchSize: 8,
      reduction: 'mean',
      trainFraction: 0.6,
      seed: 7,
      optimizer: { kind: 'adam' },
      weightDecay: 0.01,
      decay: 0.99,
    },
  },
  {
    name: 'nesterov',
    net: 'linear:8,gelu,linear:6,softplus,linear:1,sigmoid',
    inputs: 2,
    dataSet: { kind: 'toy', name: 'moons', size: 200, noise: 0.1 },
    hyper: {
      epochs: 3,
      learningRate: 0.05,
      batchSize: 16,
      reduction: 'mean',
      trainFraction: 0.5,
      seed: 3,
      loss: 'mse',
      optimizer: { kind: 'nesterov', momentum: 0.8 },
    },
  },
  {
    name: 'extra-features',
    net: 'linear:6,tanh,linear:1,sigmoid',
    inputs: 4,
    dataSet: { kind: 'toy', name: 'circles', size: 120, noise: 0.05 },
    hyper: { epochs: 3, learningRate: 0.02, batchSize: 10, reduction: 'sum', trainFraction: 0.5, seed: 4, extraFeatures: ['x2', 'y2'] },
  },
  {
    name: 'rmsprop',
    net: 'linear:12,elu:0.5,linear:12,silu,linear:8,leaky_relu:0.1,linear:3,softmax',
    inputs: 13,
    dataSet: 'wine',
    hyper: { epochs: 3, learningRate: 0.002, batchSize: 10, reduction: 'sum', trainFraction: 0.5, seed: 2, optimizer: { kind: 'rmsprop' } },
  },
  {
    name: 'convnet',
    net: 'conv2d:6:3:1:same,relu,maxpool2d:2,conv2d:4:2:2,avgpool2d:1,flatten,linear:10,softmax',
    inputs: 64,
    inputShape: [1, 8, 8],
    dataSet: 'digits',
    hyper: { epochs: 2, learningRate: 0.01, batchSize: 10, reduction: 'sum', trainFraction: 0.5, seed: 4, optimizer: { kind: 'momentum' } },
  },
  {
    name: 'convnet whose convolutions have their bias off, padded and not',
    net: 'conv2d:6:3:1:same:nobias,relu,maxpool2d:2,conv2d:4:2:2:nobias,flatten,linear:10,softmax',
    inputs: 64,
    inputShape: [1, 8, 8],
    dataSet: 'digits',
    hyper: { epochs: 2, learningRate: 0.001, batchSize: 16, reduction: 'mean', trainFraction: 0.5, seed: 6, optimizer: { kind: 'adam' }, weightDecay: 0.001 },
  },
  {
    name: 'your activations, one with its typed f′ and one differentiated by the lab',
    net: 'linear:8,custom_activation:softsign:x/(1+abs(x)):1/(1+abs(x))^2,linear:6,custom_activation:cubic:x^3/10 + sin(x),linear:1,sigmoid',
    inputs: 2,
    dataSet: { kind: 'toy', name: 'moons', size: 200, noise: 0.1 },
    hyper: { epochs: 3, learningRate: 0.05, batchSize: 16, reduction: 'mean', trainFraction: 0.5, seed: 4 },
  },
];

describe('train_run.py', () => {
  it('has a PyTorch form for every layer type in the registry', () => {
    expect(LAYER_TYPES.filter((type) => !definitionOf({ type } as never).pytorch)).toEqual([]);
  });

  it.for(CASES)("gives the engine's losses and accuracies to 1e-9 in PyTorch: $name", async ({ name, net, inputs, inputShape, dataSet, hyper }, context) => {
    const { finished, script } = await exportRun(name, net, inputs, dataSet, hyper, inputShape);
    if (!torchAvailable()) return context.skip(NO_TORCH);
    const history = python(script, '--json') as Record<string, number>[];
    expect(history).toHaveLength(hyper.epochs);
    history.forEach((row, i) => {
      const lab = finished.history[i]!;
      expect(row.epoch).toBe(lab.epoch);
      for (const [theirs, ours] of [
        [row.train_loss, lab.trainLoss],
        [row.test_loss, lab.testLoss],
        [row.train_accuracy, lab.trainAccuracy],
        [row.test_accuracy, lab.testAccuracy],
      ] as const) {
        expect(Math.abs(theirs! - ours!) / Math.max(1, Math.abs(ours!))).toBeLessThan(1e-9);
      }
    });
    const evaluation = python(script, '--from', 'trained', '--epochs', '0', '--json') as { test_loss: number };
    expect(Math.abs(evaluation.test_loss - finished.history.at(-1)!.testLoss!)).toBeLessThan(1e-9);
  });

  it("is refused with the field named when the run's data and hyperparameters are not sent", async () => {
    const { weights } = (await ask(
      [
        {
          type: 'train.start',
          runId: 'r',
          spec: parseSpecText('linear:1,sigmoid', 2),
          dataSet: { kind: 'toy', name: 'xor', size: 100, noise: 0.1 },
          hyper: CASES[0]!.hyper,
        },
      ],
      (event) => event.type === 'train.finished',
    )) as TrainFinished;
    const answer = await ask([{ type: 'export.build', requestId: 'q', format: 'train_run.py', weights }], (event) => event.type === 'export.file');
    expect(answer).toMatchObject({ type: 'error', requestId: 'q', field: 'training' });
  });
});
