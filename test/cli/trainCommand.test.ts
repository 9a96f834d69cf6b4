// `backprop-lab train` run as a user runs it: the bin script in a separate Node process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork } from '../../engine/network/network.js';
import { createRandom } from '../../engine/random.js';
import type { WeightsDocument } from '../../engine/export/weightsJson.js';
import { runCli } from '../../cli/runCli.js';
import type { RunReport } from '../../cli/runReport.js';
import { learningCurvesOptions } from '../../cli/writeRunFiles.js';
import { COLOURS } from '../../plots/theme.js';
import { learningCurvesSvg } from '../../renderer/charts/chartFiles.js';
import { ensureBuilt, REPOSITORY } from '../engine/support/ensureBuilt.js';

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(REPOSITORY, 'bin/backprop-lab.js'), ...args], { encoding: 'utf8', cwd: REPOSITORY });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
const folders: string[] = [];
const freshFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'backprop-lab-cli-'));
  folders.push(folder);
  return folder;
};

beforeAll(() => ensureBuilt());
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('backprop-lab train', () => {
  it("trains with the relaxed-SIMD kernels, as the engine's processes do, on a Node that needs a flag for them", () => {
    const args = ['train', '--net', 'linear:32,relu,linear:1,sigmoid', '--epochs', '3', '--json'];
    const run = (kernels: string | undefined) => {
      const env = { ...process.env };
      delete env['BACKPROP_LAB_KERNELS'];
      if (kernels) env['BACKPROP_LAB_KERNELS'] = kernels;
      const result = spawnSync(process.execPath, [join(REPOSITORY, 'bin/backprop-lab.js'), ...args], { encoding: 'utf8', cwd: REPOSITORY, env });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      return (JSON.parse(result.stdout) as RunReport).history;
    };
    expect(run(undefined)).toEqual(run('relaxed'));
  });

  it('prints one JSON object whose history lists every epoch with --json', () => {
    const { status, stdout } = cli('train', '--epochs', '2', '--json');
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.history).toHaveLength(2);
    expect(Object.keys(report.history[0])).toEqual(['epoch', 'train_loss', 'train_accuracy', 'test_loss', 'test_accuracy']);
    expect(report.history.map((row: { epoch: number }) => row.epoch)).toEqual([1, 2]);
    expect(report).toMatchObject({ data: 'digits-binary', net: 'linear:32,relu,linear:1,sigmoid', reason: 'completed', train_size: 898 });
    expect(report.hyperparameters).toEqual({
      epochs: 2,
      learning_rate: 0.01,
      batch_size: 10,
      reduction: 'sum',
      train_fraction: 0.5,
      seed: 1,
      loss: 'bce',
      optimizer: { kind: 'sgd' },
      decay: 1,
      weight_decay: 0,
      normalisation: 'global',
    });
  });

  it('gives the same numbers for the same seed and other numbers for another seed', () => {
    const run = (seed: string) => JSON.parse(cli('train', '--net', 'linear:1,sigmoid', '--epochs', '1', '--seed', seed, '--json').stdout).history;
    expect(run('3')).toEqual(run('3'));
    expect(run('3')).not.toEqual(run('4'));
  });

  it('writes the metrics, the weights, the ONNX model and the learning curves with --out, leaving no temporary files', () => {
    const folder = freshFolder();
    const netFile = join(folder, 'net.json');
    const spec = { input: 64, layers: [{ type: 'linear', units: 8 }, { type: 'relu' }, { type: 'linear', units: 10 }, { type: 'sigmoid' }] };
    spawnSync(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(netFile)}, ${JSON.stringify(JSON.stringify(spec))})`]);
    const out = join(folder, 'run');
    const { status, stdout } = cli('train', '--data', 'digits', '--net', netFile, '--epochs', '2', '--out', out);
    expect(status).toBe(0);
    expect(stdout).toContain('final test accuracy');
    expect(readdirSync(out).sort()).toEqual([
      'learning-curves.png',
      'learning-curves.svg',
      'metrics.csv',
      'metrics.json',
      'model-float32.onnx',
      'model.onnx',
      'train_run.py',
      'weights.json',
      'weights.npz',
    ]);
    const csv = readFileSync(join(out, 'metrics.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('epoch,train_loss,train_accuracy,test_loss,test_accuracy');
    expect(csv).toHaveLength(3);
    expect(JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')).history).toHaveLength(2);
    const weights = JSON.parse(readFileSync(join(out, 'weights.json'), 'utf8')) as WeightsDocument;
    expect(weights.spec).toEqual(spec);
    expect(weights.version).toBe(2);
    expect(weights.parameters.map((tensor) => [tensor.layer, tensor.name, tensor.shape])).toEqual([
      [0, 'W', [64, 8]],
      [0, 'b', [8]],
      [2, 'W', [8, 10]],
      [2, 'b', [10]],
    ]);
    const [W, b] = weights.parameters as Array<{ values: number[][] }>;
    expect([W!.values.length, W!.values[0]!.length, b!.values.length]).toEqual([64, 8, 8]);
  });

  it.skipIf(!hasNumpy)(
    `writes a weights.npz that NumPy loads and whose forward pass matches the engine's${hasNumpy ? '' : ' (skipped: python3 with NumPy is not installed)'}`,
    () => {
      const out = join(freshFolder(), 'run');
      expect(cli('train', '--epochs', '1', '--out', out).status).toBe(0);
      const weights = JSON.parse(readFileSync(join(out, 'weights.json'), 'utf8')) as WeightsDocument;
      const random = createRandom(12);
      const x = Float64Array.from({ length: 3 * 64 }, () => random.next() * 4 - 2);
      const network = buildNetwork(weights.spec, createRandom(0));
      for (const tensor of weights.parameters) {
        const parameter = network.layers[tensor.layer]!.parameters.find((p) => p.name === tensor.name)!;
        parameter.value.set((tensor.values as number[][]).flat());
      }
      const expected = Array.from(network.forward(x, 3));
      const script = [
        'import json, sys, numpy as np',
        'z = np.load(sys.argv[1])',
        'x = np.array(json.loads(sys.stdin.read())).reshape(3, 64)',
        'assert z["layer0_W"].shape == (64, 32) and z["layer0_W"].dtype == np.float64 and z["layer2_b"].shape == (1,), z.files',
        'h = np.maximum(0, x @ z["layer0_W"] + z["layer0_b"])',
        'print(json.dumps((1 / (1 + np.exp(-(h @ z["layer2_W"] + z["layer2_b"])))).ravel().tolist()))',
      ].join('\n');
      const python = spawnSync('python3', ['-c', script, join(out, 'weights.npz')], { input: JSON.stringify(Array.from(x)), encoding: 'utf8' });
      expect(python.stderr).toBe('');
      const fromNumpy = JSON.parse(python.stdout) as number[];
      fromNumpy.forEach((value, i) => expect(Math.abs(value - expected[i]!)).toBeLessThan(1e-12));
    },
  );

  it("writes learning-curves.svg exactly as the lab's chart component draws the run, in the screen's colours, and its PNG", () => {
    const out = join(freshFolder(), 'run');
    expect(cli('train', '--epochs', '3', '--out', out).status).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as RunReport;
    const history = report.history.map((r) => ({
      epoch: r.epoch,
      trainLoss: r.train_loss,
      trainAccuracy: r.train_accuracy,
      testLoss: r.test_loss,
      testAccuracy: r.test_accuracy,
    }));
    const svg = readFileSync(join(out, 'learning-curves.svg'), 'utf8');
    expect(svg).toBe(learningCurvesSvg(history, learningCurvesOptions(report)));
    expect(svg).toContain(`stroke="${COLOURS.train}"`);
    expect(svg).toContain(`stroke="${COLOURS.test}"`);
    expect(svg).toContain('>Binary cross-entropy</text>');
    const png = readFileSync(join(out, 'learning-curves.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(2 * 960);
  });

  it('exits non-zero with the message when the run diverges', () => {
    const { status, stderr } = cli('train', '--lr', '1e300', '--epochs', '2');
    expect(status).toBe(1);
    expect(stderr).toMatch(/^backprop-lab train: the loss became NaN in epoch 1, minibatch \d+ of the training phase/);
  });

  it.each([
    [['--lr', '-1'], '--lr: learning rate must be a positive number'],
    [['--lr', 'fast'], '--lr: "fast" is not a number'],
    [['--data', 'mnist'], '--data: unknown data set "mnist"; known: digits-binary, digits, iris, wine, breast-cancer, toy:NAME'],
    [['--net', 'linear:32,relu,linear:2,sigmoid'], '--net: digits-binary needs 1 output (the probability of the positive class) but the network gives 2'],
    [['--net', 'linear:32,swish,linear:1,sigmoid'], '--net: layer 2 "swish": unknown layer type'],
    [['--net', 'missing.json'], '--net missing.json: no such file'],
    [['--batch', '0'], '--batch: minibatch size must be a positive whole number'],
    [['--batch', '1000'], '--batch: the minibatch size 1000 is larger than the training set (898 samples)'],
    [['--reduction', 'max'], '--reduction: must be sum or mean'],
    [['--epochs', '-2'], '--epochs: epochs must be a whole number, 0 or more'],
    [['--colour'], "Unknown option '--colour'"],
  ])('rejects %j with one line on stderr and exit status 2', async (args, message) => {
    const out: string[] = [];
    const err: string[] = [];
    const status = await runCli(['train', ...args], { out: (line) => out.push(line), err: (line) => err.push(line) });
    expect(status).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(message);
    expect(err[0]).not.toContain('\n');
  });

  it('exits with status 2 and one line without a stack trace when run as a command with a bad argument', () => {
    const { status, stdout, stderr } = cli('train', '--lr', '-1');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('backprop-lab train: --lr: learning rate must be a positive number\n');
  });

  it('explains its options with --help and exits 0', () => {
    const { status, stdout } = cli('train', '--help');
    expect(status).toBe(0);
    expect(stdout).toContain('--net SPEC');
    expect(stdout).toContain('--reduction MODE');
  });

  it('names an unknown command', () => {
    const { status, stderr } = cli('fly');
    expect(status).toBe(2);
    expect(stderr.trim()).toBe('backprop-lab fly: unknown command "fly"; known: train, gradcheck, descend (see backprop-lab --help)');
  });

  it('replaces files from an earlier run in the same folder', () => {
    const out = join(freshFolder(), 'run');
    cli('train', '--epochs', '1', '--out', out);
    cli('train', '--epochs', '3', '--out', out);
    expect(JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')).history).toHaveLength(3);
    expect(existsSync(join(out, 'metrics.csv'))).toBe(true);
    expect(readdirSync(out)).toHaveLength(9);
  });
});

describe('backprop-lab train --split 1', () => {
  it('trains on every row with no test phase, and metrics.json and metrics.csv leave the test figures out', () => {
    const out = join(freshFolder(), 'run');
    const { status, stdout } = cli('train', '--data', 'iris', '--net', 'linear:3,softmax', '--epochs', '2', '--batch', '5', '--split', '1', '--out', out);
    expect(status).toBe(0);
    expect(stdout).toContain('150 training and no test samples');
    expect(stdout).toContain('final train accuracy');
    expect(stdout).not.toContain('test loss');
    const report = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as RunReport;
    expect(report.test_size).toBe(0);
    expect(report.split.test).toEqual([]);
    expect([...report.split.train].sort((a, b) => a - b)).toEqual(Array.from({ length: 150 }, (_, i) => i));
    expect(Object.keys(report.history[0]!)).toEqual(['epoch', 'train_loss', 'train_accuracy']);
    expect(readFileSync(join(out, 'metrics.csv'), 'utf8').split('\n')[0]).toBe('epoch,train_loss,train_accuracy');
  });

  it("records the split's rows in metrics.json, so the run can be reproduced elsewhere", () => {
    const report = JSON.parse(cli('train', '--data', 'iris', '--net', 'linear:3,softmax', '--epochs', '1', '--batch', '5', '--split', '0.6', '--json').stdout);
    expect(report.split.train).toHaveLength(90);
    expect(report.split.test).toHaveLength(60);
    expect(new Set([...report.split.train, ...report.split.test]).size).toBe(150);
    expect(report.seconds).toBeGreaterThanOrEqual(0);
    expect(report.diagnoses).toEqual([]);
  });
});
