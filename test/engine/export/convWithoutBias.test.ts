// A convolution with its bias off in every file the lab writes and reads: weights.npz (loaded by torch's nn.Conv2d(bias=False)),
// weights.json, the project file and ONNX (run in ONNX Runtime), none with a b for it; and files whose b does not fit refused.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import * as ort from 'onnxruntime-web';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeWeightsNpz } from '../../../engine/export/npz.js';
import { encodeOnnxModel } from '../../../engine/export/onnx.js';
import { decodeWeightsNpz, fromWeightsDocument } from '../../../engine/export/readWeights.js';
import { weightsJsonText } from '../../../engine/export/weightsJson.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { parseProjectFile, PROJECT_VERSION, projectFileText, type Project } from '../../../engine/projectFile.js';
import { createRandom } from '../../../engine/random.js';
import type { NetworkSpec } from '../../../engine/spec.js';
import type { TrainedWeights } from '../../../engine/trainedWeights.js';
import { NO_TORCH, torchAvailable } from '../support/torchReference.js';

ort.env.wasm.numThreads = 1;

const folder = mkdtempSync(join(tmpdir(), 'backprop-lab-nobias-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** 2×7×6 images through a bias-less convolution (3 filters of 3×3, stride 2), ReLU, and a Linear layer after flatten. */
const SPEC: NetworkSpec = {
  input: 2 * 7 * 6,
  inputShape: [2, 7, 6],
  layers: [{ type: 'conv2d', filters: 3, kernel: 3, stride: 2, bias: false }, { type: 'relu' }, { type: 'flatten' }, { type: 'linear', units: 4 }],
};
const BIASED: NetworkSpec = { ...SPEC, layers: [{ type: 'conv2d', filters: 3, kernel: 3, stride: 2 }, ...SPEC.layers.slice(1)] };

const network = buildNetwork(SPEC, createRandom(5));
const weights = network.trainedWeights();
const rows = 3;
const x = Float64Array.from({ length: rows * SPEC.input }, (_, i) => Math.sin(0.37 * i) + 0.2);

const sameBits = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
const names = (w: TrainedWeights) => w.parameters.map((tensor) => `layer${tensor.layer}_${tensor.name}`);

describe('a convolution with its bias off', () => {
  it('has only W among its parameters, and the Linear after it keeps its b', () => {
    expect(names(weights)).toEqual(['layer0_W', 'layer3_W', 'layer3_b']);
    expect(network.parameterCount).toBe(3 * 2 * 3 * 3 + 3 * 3 * 2 * 4 + 4);
  });

  it('is written to weights.npz without a layer0_b entry and read back bit for bit', () => {
    const bytes = encodeWeightsNpz(weights);
    expect(Object.keys(unzipSync(bytes)).sort()).toEqual(['layer0_W.npy', 'layer3_W.npy', 'layer3_b.npy']);
    const back = decodeWeightsNpz(bytes, SPEC);
    expect(names(back)).toEqual(names(weights));
    back.parameters.forEach((tensor, i) => expect(sameBits(tensor.values, weights.parameters[i]!.values)).toBe(true));
  });

  it('round-trips weights.json and the project file, keeping bias: false in the spec', () => {
    const json = fromWeightsDocument(JSON.parse(weightsJsonText(weights)));
    expect(json.spec).toEqual(SPEC);
    expect(names(json)).toEqual(names(weights));
    const project: Project = {
      format: 'backprop-lab-project',
      version: PROJECT_VERSION,
      savedAt: '2026-01-02T03:04:05.000Z',
      network: { name: 'Built network', spec: SPEC },
      runs: [
        {
          label: 'conv without bias',
          spec: SPEC,
          dataSet: 'digits',
          hyper: { epochs: 1, learningRate: 0.01, batchSize: 10, reduction: 'sum', trainFraction: 0.5, seed: 5 },
          reason: 'completed',
          message: 'trained 1 epoch',
          history: [{ epoch: 1, trainLoss: 1, trainAccuracy: 0.5, testLoss: 1, testAccuracy: 0.5 }],
          settings: { seed: 5, loss: 'cce', optimizer: { kind: 'sgd' }, normalisation: 'none' },
          weights,
        },
      ],
    };
    const back = parseProjectFile(projectFileText(project));
    expect(back.network.spec).toEqual(SPEC);
    const run = back.runs[0]!.weights;
    expect(names(run)).toEqual(names(weights));
    run.parameters.forEach((tensor, i) => expect(sameBits(tensor.values, weights.parameters[i]!.values)).toBe(true));
  });

  it('refuses a file with a b for it, or one without a b for a convolution that has its bias, naming the layer', () => {
    const biased = buildNetwork(BIASED, createRandom(5)).trainedWeights();
    expect(() => decodeWeightsNpz(encodeWeightsNpz(biased), SPEC)).toThrow(
      'the weights have a parameter b for layer 1 (conv2d), which has no parameter of that name (it has W)',
    );
    expect(() => decodeWeightsNpz(encodeWeightsNpz(weights), BIASED)).toThrow('the weights have no b for layer 1 (conv2d)');
    expect(() => fromWeightsDocument(JSON.parse(weightsJsonText({ spec: BIASED, parameters: weights.parameters })))).toThrow(
      'parameters: the weights have no b for layer 1 (conv2d)',
    );
  });

  it("exports ONNX without a bias initializer for it, which ONNX Runtime runs to the engine's outputs within 1e-12", async () => {
    const session = await ort.InferenceSession.create(encodeOnnxModel(weights, 'nobias'));
    const expected = network.forward(x, rows);
    const output = (await session.run({ input: new ort.Tensor('float64', x, [rows, ...SPEC.inputShape!]) })).output!;
    expect(output.dims).toEqual([rows, 4]);
    const got = output.data as Float64Array;
    for (let i = 0; i < expected.length; i++) expect(Math.abs(got[i]! - expected[i]!), `[${i}]`).toBeLessThan(1e-12);
    const initializers = new TextDecoder('latin1').decode(encodeOnnxModel(weights, 'nobias'));
    expect(initializers).toContain('layer0_W');
    expect(initializers).not.toContain('layer0_b');
  });

  it("is loaded from weights.npz by torch's nn.Conv2d(bias=False) as it is, which gives the engine's feature maps", (context) => {
    if (!torchAvailable()) return context.skip(NO_TORCH);
    const file = join(folder, 'weights.npz');
    writeFileSync(file, encodeWeightsNpz(weights));
    const script = [
      'import json, sys, numpy as np, torch',
      'z = np.load(sys.argv[1])',
      'conv = torch.nn.Conv2d(2, 3, 3, stride=2, bias=False).double()',
      "conv.load_state_dict({'weight': torch.from_numpy(z['layer0_W'])})",
      `x = torch.tensor(json.load(sys.stdin), dtype=torch.float64).reshape(${rows}, 2, 7, 6)`,
      "print(json.dumps({'files': sorted(z.files), 'y': conv(x).detach().flatten().tolist()}))",
    ].join('\n');
    const run = spawnSync('/usr/bin/python3', ['-c', script, file], { input: JSON.stringify([...x]), encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    const answer = JSON.parse(run.stdout) as { files: string[]; y: number[] };
    expect(answer.files).toEqual(['layer0_W', 'layer3_W', 'layer3_b']);
    const conv = network.layers[0]!.forward(x, rows);
    expect(answer.y).toHaveLength(conv.length);
    for (let i = 0; i < conv.length; i++) expect(Math.abs(answer.y[i]! - conv[i]!)).toBeLessThan(1e-12);
  });
});
