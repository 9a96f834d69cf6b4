// Tests export.build through the engine's protocol: each file's bytes read back as the same weights and metrics.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fromWeightsDocument } from '../../../engine/export/readWeights.js';
import { utf8Bytes } from '../../../engine/export/utf8.js';
import type { EngineEvent, EngineRequest } from '../../../engine/protocol/index.js';
import type { TrainedWeights } from '../../../engine/trainedWeights.js';
import { createInProcessEngine } from '../../../engine/worker/inProcessEntry.js';
import { readOnnxGraph } from '../support/onnxGraph.js';

const weights: TrainedWeights = {
  spec: { input: 2, layers: [{ type: 'linear', units: 1 }, { type: 'sigmoid' }] },
  parameters: [
    { layer: 0, name: 'W', shape: [2, 1], values: Float64Array.of(0.5, -0.25) },
    { layer: 0, name: 'b', shape: [1], values: Float64Array.of(0.125) },
  ],
};
const history = [{ epoch: 1, trainLoss: 0.5, trainAccuracy: 0.75, testLoss: 0.625, testAccuracy: 0.7 }];

function build(request: Record<string, unknown>): Promise<EngineEvent> {
  return new Promise((resolve) => {
    const engine = createInProcessEngine((event) => {
      engine.dispose();
      resolve(event);
    });
    engine.receive({ type: 'export.build', requestId: 'x', ...request } as EngineRequest);
  });
}

describe('export.build', () => {
  it('gives weights.json that reads back as the same weights', async () => {
    const event = await build({ format: 'weights.json', weights });
    if (event.type !== 'export.file') throw new Error(event.type);
    expect([event.fileName, event.mime]).toEqual(['weights.json', 'application/json']);
    const back = fromWeightsDocument(JSON.parse(Buffer.from(event.bytes).toString('utf8')));
    expect(Array.from(back.parameters[0]!.values)).toEqual([0.5, -0.25]);
  });

  it('gives an npz archive, an ONNX model and metrics.csv', async () => {
    const npz = await build({ format: 'weights.npz', weights });
    if (npz.type !== 'export.file') throw new Error(npz.type);
    expect(Object.keys(unzipSync(npz.bytes)).sort()).toEqual(['layer0_W.npy', 'layer0_b.npy']);
    const onnx = await build({ format: 'model.onnx', weights });
    expect(onnx.type === 'export.file' && onnx.bytes.length > 100).toBe(true);
    const csv = await build({ format: 'metrics.csv', history });
    if (csv.type !== 'export.file') throw new Error(csv.type);
    expect(Buffer.from(csv.bytes).toString('utf8')).toBe('epoch,train_loss,train_accuracy,test_loss,test_accuracy\n1,0.5,0.75,0.625,0.7\n');
  });

  it('gives the float32 ONNX model as model-float32.onnx, its input, output and weights in float32', async () => {
    const event = await build({ format: 'model-float32.onnx', weights });
    if (event.type !== 'export.file') throw new Error(event.type);
    expect([event.fileName, event.mime]).toEqual(['model-float32.onnx', 'application/octet-stream']);
    expect(readOnnxGraph(event.bytes)).toEqual({
      opTypes: ['Gemm', 'Sigmoid'],
      inputType: 'float32',
      outputType: 'float32',
      initializerTypes: ['float32', 'float32'],
    });
  });

  it('names what is missing', async () => {
    expect(await build({ format: 'model.onnx' })).toMatchObject({ type: 'error', field: 'weights', message: 'model.onnx needs trained weights' });
    expect(await build({ format: 'metrics.csv' })).toMatchObject({ type: 'error', field: 'history' });
  });
});

describe('utf8Bytes', () => {
  it('encodes like TextEncoder, astral characters and lone surrogates included', () => {
    for (const text of ['plain', 'x·W + b', 'σ(x) → ε²', 'digits 😀', 'lone \ud800 surrogate']) {
      expect(Array.from(utf8Bytes(text))).toEqual(Array.from(new TextEncoder().encode(text)));
    }
  });
});
