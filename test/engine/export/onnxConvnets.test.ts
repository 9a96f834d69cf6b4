// The ONNX exports of convolutional networks: which operators each precision's graph uses, and the image presets, trained on real images, run in ONNX Runtime against the engine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { nodeDataFiles, readAssetText } from '../../../engine/data/assetFiles.js';
import { IDX_FILES, IMAGE_DATA_SETS } from '../../../engine/data/dataSetNames.js';
import { createDataLoader, SEED_STREAMS, type PreparedData } from '../../../engine/data/dataSets.js';
import { encodeOnnxModel } from '../../../engine/export/onnx.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { FASHION_CONVNET_ID, findPreset } from '../../../engine/network/networkPresets.js';
import { createRandom, deriveRandom } from '../../../engine/random.js';
import type { NetworkSpec } from '../../../engine/spec.js';
import { parseSpecText } from '../../../engine/specText.js';
import { EXERCISE_HYPERPARAMETERS, type Hyperparameters } from '../../../engine/training/hyperparameters.js';
import { train } from '../../../engine/training/train.js';
import { FLOAT32_TOLERANCE, relativeToScale, runFloat32 } from '../support/float32Outputs.js';
import { readOnnxGraph } from '../support/onnxGraph.js';

ort.env.wasm.numThreads = 1;

const FASHION = IMAGE_DATA_SETS['fashion-mnist'];
const fashionInstalled = existsSync(join(FASHION.folder, `${IDX_FILES.trainImages}.gz`));
const NO_FASHION = `Fashion-MNIST is not installed at ${FASHION.folder} (Debian's dataset-fashion-mnist): its preset's export was not run on its images`;

const hasOnnx = spawnSync('/usr/bin/python3', ['-c', 'import onnx'], { stdio: 'ignore' }).status === 0;
const NO_ONNX = "the system's python3 has no onnx package (Debian's python3-onnx): the models were not put to ONNX's own checker";

/** ONNX's checker (full check) and strict shape inference on a model file, printing the inferred output's dimensions. */
const CHECKER = `
import json, sys, onnx
model = onnx.load(sys.argv[1])
onnx.checker.check_model(model, full_check=True)
inferred = onnx.shape_inference.infer_shapes(model, strict_mode=True)
dims = inferred.graph.output[0].type.tensor_type.shape.dim
print(json.dumps([d.dim_param or d.dim_value for d in dims]))
`;

const CONV_NET: NetworkSpec = {
  ...parseSpecText('conv2d:4:3:2:same,relu,maxpool2d:3:2,conv2d:3:2,avgpool2d:2:1,flatten,linear:5,softmax', 2 * 19 * 20),
  inputShape: [2, 19, 20],
};

describe('the ONNX export of a convolutional network', () => {
  it('uses Conv, MaxPool, AveragePool and Flatten in float32, with float32 tensors throughout', () => {
    const graph = readOnnxGraph(encodeOnnxModel(buildNetwork(CONV_NET, createRandom(3)).trainedWeights(), 'test', 'float32'));
    expect(graph.opTypes).toEqual(['Conv', 'Relu', 'MaxPool', 'Conv', 'AveragePool', 'Flatten', 'Gemm', 'Softmax']);
    expect([graph.inputType, graph.outputType]).toEqual(['float32', 'float32']);
    expect(graph.initializerTypes).toEqual(Array(6).fill('float32'));
  });

  it('uses MaxPool and Flatten in float64, and unrolls Conv and AveragePool, which ONNX Runtime has for float32 alone', () => {
    const graph = readOnnxGraph(encodeOnnxModel(buildNetwork(CONV_NET, createRandom(3)).trainedWeights(), 'test'));
    expect(graph.opTypes).toContain('MaxPool');
    expect(graph.opTypes).toContain('Flatten');
    expect(graph.opTypes).not.toContain('Conv');
    expect(graph.opTypes).not.toContain('AveragePool');
    expect(graph.opTypes.filter((op) => op === 'Gather')).toHaveLength(3);
    expect([graph.inputType, graph.outputType]).toEqual(['float64', 'float64']);
    expect(graph.initializerTypes).toEqual(Array(6).fill('float64'));
  });

  it("passes ONNX's own checker and strict shape inference in both precisions", (context) => {
    if (!hasOnnx) return context.skip(NO_ONNX);
    const folder = mkdtempSync(join(tmpdir(), 'onnx-check-'));
    try {
      const weights = buildNetwork(CONV_NET, createRandom(3)).trainedWeights();
      for (const precision of ['float64', 'float32'] as const) {
        const file = join(folder, `${precision}.onnx`);
        writeFileSync(file, encodeOnnxModel(weights, 'test', precision));
        const checked = spawnSync('/usr/bin/python3', ['-c', CHECKER, file], { encoding: 'utf8', timeout: 60_000 });
        expect(checked.stderr, precision).toBe('');
        expect(JSON.parse(checked.stdout), precision).toEqual(['batch', 5]);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("gives the engine's outputs in ONNX Runtime with strides, padding and overlapping pools: to 1e-12 in float64, to the float32 tolerance in float32", async () => {
    const network = buildNetwork(CONV_NET, createRandom(8));
    const rows = 6;
    const x = Float64Array.from({ length: rows * CONV_NET.input }, (_, i) => Math.cos(0.9 * i) * 1.5);
    const expected = network.forward(x, rows);
    const dims = [rows, ...CONV_NET.inputShape!];
    const session = await ort.InferenceSession.create(encodeOnnxModel(network.trainedWeights(), 'test'));
    const exact = (await session.run({ input: new ort.Tensor('float64', x, dims) })).output!.data as Float64Array;
    for (let i = 0; i < expected.length; i++) expect(Math.abs(exact[i]! - expected[i]!)).toBeLessThan(1e-12);
    const single = await runFloat32(encodeOnnxModel(network.trainedWeights(), 'test', 'float32'), x, dims);
    expect(relativeToScale(single.data, expected)).toBeLessThan(FLOAT32_TOLERANCE);
  });
});

/** The preset trained on `data` with `hyper`, its two exports run in ONNX Runtime on the first `rows` test images, against the engine. */
async function checkPreset(id: string, data: PreparedData, hyper: Hyperparameters, rows: number): Promise<void> {
  const spec = findPreset(id)!.spec;
  const network = buildNetwork(spec, deriveRandom(hyper.seed, SEED_STREAMS.init));
  await train({ network, data, hyper });
  const x = data.test.features.subarray(0, rows * spec.input);
  const expected = network.forward(x, rows);
  const dims = [rows, ...spec.inputShape!];
  const weights = network.trainedWeights();
  const session = await ort.InferenceSession.create(encodeOnnxModel(weights, 'test'));
  const exact = (await session.run({ input: new ort.Tensor('float64', x, dims) })).output!.data as Float64Array;
  for (let i = 0; i < expected.length; i++) expect(Math.abs(exact[i]! - expected[i]!), `${id} float64 [${i}]`).toBeLessThan(1e-12);
  const single = await runFloat32(encodeOnnxModel(weights, 'test', 'float32'), x, dims);
  expect(single.dims).toEqual([rows, 10]);
  expect(relativeToScale(single.data, expected), `${id} float32`).toBeLessThan(FLOAT32_TOLERANCE);
}

describe('the ONNX exports of the image presets', () => {
  it("give the digits convnet's outputs, trained on the 8×8 digits, on its test images", async () => {
    const hyper = { ...EXERCISE_HYPERPARAMETERS, epochs: 2 };
    const data = await createDataLoader(readAssetText)('digits', hyper);
    await checkPreset('digits-convnet', data, hyper, 40);
  });

  it("give the Fashion-MNIST two-conv network's outputs, trained on a subset of Fashion-MNIST, on its test images", async (context) => {
    if (!fashionInstalled) return context.skip(NO_FASHION);
    const preset = findPreset(FASHION_CONVNET_ID)!;
    const hyper = { ...EXERCISE_HYPERPARAMETERS, ...preset.hyper, epochs: 1 };
    const load = createDataLoader(readAssetText, undefined, nodeDataFiles);
    const data = await load({ kind: 'images', set: 'fashion-mnist', trainSize: 256, testSize: 20 }, hyper);
    await checkPreset(FASHION_CONVNET_ID, data, hyper, 20);
  });
});
