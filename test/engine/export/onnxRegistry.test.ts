// Every registered layer type exported to ONNX, run in ONNX Runtime (WebAssembly, in Node), and compared with the engine's own forward pass.
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { encodeOnnxModel } from '../../../engine/export/onnx.js';
import { LAYER_DEFINITIONS } from '../../../engine/layers/registry.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { createRandom } from '../../../engine/random.js';
import type { NetworkSpec } from '../../../engine/spec.js';
import { randomLayerSpec } from '../support/randomLayerSpec.js';

ort.env.wasm.numThreads = 1;

describe.each(LAYER_DEFINITIONS.map((definition) => [definition.type, definition] as const))('the ONNX export of %s', (_type, definition) => {
  it("runs in ONNX Runtime and gives the engine's outputs to 1e-12, between two Linear layers (or, on images, a convolution and a flatten)", async () => {
    for (const seed of [1, 2, 3]) {
      const onImages = definition.takes === 'image' || definition.type === 'flatten';
      const spec: NetworkSpec = onImages
        ? {
            input: 2 * 7 * 8,
            inputShape: [2, 7, 8],
            layers: [
              { type: 'conv2d', filters: 3, kernel: 3, padding: 'same' },
              randomLayerSpec(definition, createRandom(seed)),
              ...(definition.type === 'flatten' ? [] : [{ type: 'flatten' as const }]),
              { type: 'linear', units: 3 },
            ],
          }
        : {
            input: 6,
            layers: [{ type: 'linear', units: 7 }, randomLayerSpec(definition, createRandom(seed)), { type: 'linear', units: 3 }],
          };
      const network = buildNetwork(spec, createRandom(seed));
      const rows = 9;
      const x = Float64Array.from({ length: rows * spec.input }, (_, i) => 3 * Math.sin(1.7 * i + seed));
      const expected = network.forward(x, rows);
      const session = await ort.InferenceSession.create(encodeOnnxModel(network.trainedWeights(), 'test'));
      const output = (await session.run({ input: new ort.Tensor('float64', x, [rows, ...(spec.inputShape ?? [spec.input])]) })).output!;
      expect(output.dims).toEqual([rows, expected.length / rows]);
      const got = output.data as Float64Array;
      for (let i = 0; i < expected.length; i++) expect(Math.abs(got[i]! - expected[i]!), `${JSON.stringify(spec.layers[1])} [${i}]`).toBeLessThan(1e-12);
    }
  });
});
