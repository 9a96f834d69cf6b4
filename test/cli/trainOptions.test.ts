// `backprop-lab train` with the engine's full range: every data set, optimizers, saved weights, and every export checked for real.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/runCli.js';
import { flagOfField } from '../../cli/trainArgs.js';
import { fromWeightsDocument } from '../../engine/export/readWeights.js';
import { networkFromWeights } from '../../engine/analysis/networkFromWeights.js';
import { ensureBuilt } from '../engine/support/ensureBuilt.js';
import { FLOAT32_TOLERANCE, relativeToScale, runFloat32 } from '../engine/support/float32Outputs.js';

ort.env.wasm.numThreads = 1;
const folders: string[] = [];
const freshFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'backprop-lab-cli-'));
  folders.push(folder);
  return folder;
};
// --out draws its learning curves with the built charts.
beforeAll(() => ensureBuilt());
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function train(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(['train', ...args], { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { status, out, err, report: args.includes('--json') && status === 0 ? JSON.parse(out.at(-1)!) : undefined };
}

describe('backprop-lab train: data sets', () => {
  it('trains iris with the default softmax network and cross-entropy', async () => {
    const { status, report } = await train('--data', 'iris', '--epochs', '30', '--split', '0.7', '--json');
    expect(status).toBe(0);
    expect(report.net).toBe('linear:32,relu,linear:3,softmax');
    expect(report.hyperparameters).toMatchObject({ loss: 'cce', normalisation: 'standardize' });
    expect([report.train_size, report.test_size]).toEqual([105, 45]);
    expect(report.history.at(-1).test_accuracy).toBeGreaterThan(0.85);
  });

  it('trains a toy data set generated from the seed', async () => {
    const { status, report } = await train(
      '--data',
      'toy:circles',
      '--toy-size',
      '200',
      '--noise',
      '0.05',
      '--net',
      'linear:8,tanh,linear:1,sigmoid',
      '--epochs',
      '200',
      '--json',
    );
    expect(status).toBe(0);
    expect(report.data).toBe('toy:circles');
    expect(report.history.at(-1).test_accuracy).toBeGreaterThan(0.95);
  });

  it('adds extra features to a toy data set, widening the default network and recording them', async () => {
    const { status, report } = await train(
      '--data',
      'toy:circles',
      '--toy-size',
      '200',
      '--features',
      'y2,x2',
      '--net',
      'linear:1,sigmoid',
      '--epochs',
      '60',
      '--lr',
      '0.1',
      '--json',
    );
    expect(status).toBe(0);
    expect(report.spec.input).toBe(4);
    expect(report.hyperparameters.extra_features).toEqual(['y2', 'x2']);
    expect(report.history.at(-1).test_accuracy).toBeGreaterThan(0.95); // a linear model separates circles given x² and y²
    const refused = await train('--data', 'iris', '--features', 'xy');
    expect([refused.status, refused.err.at(-1)]).toEqual([2, 'backprop-lab train: --features: extra features need data with 2 features, but --data has 4']);
  });

  it('trains on a CSV file with a named label column, and names the row and column of a bad cell', async () => {
    const folder = freshFolder();
    const rows = Array.from({ length: 40 }, (_, i) => `${i % 2 ? 'yes' : 'no'},${(i % 2) + (i % 5) / 10},${i % 3}`);
    writeFileSync(join(folder, 'mine.csv'), ['answer,a,b', ...rows].join('\n'));
    const good = await train(
      '--data',
      join(folder, 'mine.csv'),
      '--label-column',
      'answer',
      '--net',
      'linear:1,sigmoid',
      '--batch',
      '4',
      '--epochs',
      '3',
      '--json',
    );
    expect(good.status).toBe(0);
    expect(good.report.train_size).toBe(20);
    writeFileSync(join(folder, 'bad.csv'), 'a,label\n1,x\n2,y\n3,x\nfour,y\n');
    const bad = await train('--data', join(folder, 'bad.csv'));
    expect(bad.status).toBe(2);
    expect(bad.err).toEqual([`backprop-lab train: --data ${join(folder, 'bad.csv')}: row 5, column 1 (a): "four" is not a number`]);
  });
});

describe('backprop-lab train: optimizers and saved weights', () => {
  it('records the optimizer it used with its defaults filled in', async () => {
    const { status, report } = await train('--optimizer', 'adam', '--lr', '0.001', '--epochs', '10', '--json');
    expect(status).toBe(0);
    expect(report.hyperparameters.optimizer).toEqual({ kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
    expect(report.history.at(-1).test_accuracy).toBeGreaterThan(0.9);
  });

  it('writes the initial weights with --epochs 0 and continues them exactly with --init-from', async () => {
    const first = join(freshFolder(), 'first');
    expect((await train('--epochs', '2', '--out', first)).status).toBe(0);
    const continued = join(freshFolder(), 'continued');
    expect((await train('--init-from', join(first, 'weights.json'), '--epochs', '0', '--out', continued)).status).toBe(0);
    expect(readFileSync(join(continued, 'weights.json'), 'utf8')).toBe(readFileSync(join(first, 'weights.json'), 'utf8'));
    const fromNpz = await train('--init-from', join(first, 'weights.npz'), '--epochs', '1', '--json');
    const fromJson = await train('--init-from', join(first, 'weights.json'), '--epochs', '1', '--json');
    expect(fromNpz.report.history).toEqual(fromJson.report.history);
  });

  it('continues a version 1 weights.json and weights.npz written by an earlier lab, its values kept bit for bit', async () => {
    const fixture = (name: string) => new URL(`../engine/fixtures/${name}`, import.meta.url).pathname;
    const saved = fromWeightsDocument(JSON.parse(readFileSync(fixture('weights-v1.json'), 'utf8')));
    for (const file of ['weights-v1.json', 'weights-v1.npz']) {
      const out = join(freshFolder(), 'kept');
      const net = file.endsWith('.npz') ? ['--net', 'linear:32,relu,linear:3,softmax'] : [];
      expect((await train('--data', 'iris', ...net, '--init-from', fixture(file), '--epochs', '0', '--out', out)).status).toBe(0);
      const written = JSON.parse(readFileSync(join(out, 'weights.json'), 'utf8'));
      expect(written.version).toBe(2);
      expect(fromWeightsDocument(written)).toEqual(saved);
    }
  });

  it('names --init-from for an engine error about any part of the initial weights', () => {
    expect(flagOfField('initialWeights')).toBe('--init-from');
    expect(flagOfField('initialWeights.parameters.2.shape')).toBe('--init-from');
  });

  it('refuses saved weights that do not fit --net', async () => {
    const first = join(freshFolder(), 'first');
    await train('--epochs', '0', '--out', first);
    const { status, err } = await train('--init-from', join(first, 'weights.npz'), '--net', 'linear:16,relu,linear:1,sigmoid');
    expect(status).toBe(2);
    expect(err[0]).toContain('layer 1 (linear) has 64×32 weights but the network needs 64×16');
  });

  it("shows how the exercise's too-small initial scale slows the first epoch", async () => {
    const exercise = await train('--init', 'exercise', '--net', 'linear:32,relu,linear:16,relu,linear:8,relu,linear:1,sigmoid', '--epochs', '1', '--json');
    const xavier = await train('--init', 'xavier', '--net', 'linear:32,relu,linear:16,relu,linear:8,relu,linear:1,sigmoid', '--epochs', '1', '--json');
    expect(exercise.report.spec.layers[0]).toEqual({ type: 'linear', units: 32, init: 'exercise' });
    expect(exercise.report.history[0].train_loss).not.toBe(xavier.report.history[0].train_loss);
  });
});

describe('backprop-lab train: exports', () => {
  it("writes ONNX models in float64 and float32 that ONNX Runtime runs to the engine's outputs, and the curves as SVG and PNG", async () => {
    const out = join(freshFolder(), 'run');
    expect((await train('--epochs', '2', '--out', out)).status).toBe(0);
    const weights = fromWeightsDocument(JSON.parse(readFileSync(join(out, 'weights.json'), 'utf8')));
    const x = Float64Array.from({ length: 4 * 64 }, (_, i) => Math.cos(i));
    const expected = networkFromWeights(weights).forward(x, 4);
    const session = await ort.InferenceSession.create(new Uint8Array(readFileSync(join(out, 'model.onnx'))));
    const result = await session.run({ input: new ort.Tensor('float64', x, [4, 64]) });
    const got = result.output!.data as Float64Array;
    for (let i = 0; i < 4; i++) expect(Math.abs(got[i]! - expected[i]!)).toBeLessThan(1e-6);
    const single = await runFloat32(new Uint8Array(readFileSync(join(out, 'model-float32.onnx'))), x, [4, 64]);
    expect(relativeToScale(single.data, expected)).toBeLessThan(FLOAT32_TOLERANCE);
    const svg = readFileSync(join(out, 'learning-curves.svg'), 'utf8');
    expect(svg).toContain('Loss per epoch');
    expect(svg).toContain('Binary cross-entropy');
    expect(svg.match(/<circle /g)!.length).toBe(2 * 2 * 2 + 4);
    const png = readFileSync(join(out, 'learning-curves.png'));
    expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(1920);
  });
});
