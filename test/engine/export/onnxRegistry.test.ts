// Every registered layer type exported to ONNX in float64 and in float32, run in ONNX Runtime (WebAssembly, in Node), and compared with the engine's own forward pass.
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { encodeOnnxModel } from '../../../engine/export/onnx.js';
import type { LayerDefinition } from '../../../engine/layers/layerDefinition.js';
import { LAYER_DEFINITIONS } from '../../../engine/layers/registry.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { createRandom } from '../../../engine/random.js';
import type { LayerSpec, NetworkSpec } from '../../../engine/spec.js';
import { FLOAT32_TOLERANCE, relativeToScale, runFloat32 } from '../support/float32Outputs.js';
import { randomLayerSpec } from '../support/randomLayerSpec.js';

ort.env.wasm.numThreads = 1;

/** The layer of `definition` drawn from `seed` between two Linear layers, or on images after a convolution and before a flatten. */
function networkAround(definition: LayerDefinition<LayerSpec>, seed: number): NetworkSpec {
  const onImages = definition.takes === 'image' || definition.type === 'flatten';
  return onImages
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
}

const SEEDS = [1, 2, 3];
const ROWS = 9;
const inputs = (spec: NetworkSpec, seed: number) => Float64Array.from({ length: ROWS * spec.input }, (_, i) => 3 * Math.sin(1.7 * i + seed));

describe.each(LAYER_DEFINITIONS.map((definition) => [definition.type, definition] as const))('the ONNX export of %s', (_type, definition) => {
  it("runs in ONNX Runtime and gives the engine's outputs to 1e-12, between two Linear layers (or, on images, a convolution and a flatten)", async () => {
    for (const seed of SEEDS) {
      const spec = networkAround(definition, seed);
      const network = buildNetwork(spec, createRandom(seed));
      const x = inputs(spec, seed);
      const expected = network.forward(x, ROWS);
      const session = await ort.InferenceSession.create(encodeOnnxModel(network.trainedWeights(), 'test'));
      const output = (await session.run({ input: new ort.Tensor('float64', x, [ROWS, ...(spec.inputShape ?? [spec.input])]) })).output!;
      expect(output.dims).toEqual([ROWS, expected.length / ROWS]);
      const got = output.data as Float64Array;
      for (let i = 0; i < expected.length; i++) expect(Math.abs(got[i]! - expected[i]!), `${JSON.stringify(spec.layers[1])} [${i}]`).toBeLessThan(1e-12);
    }
  });

  it(`runs in ONNX Runtime as a float32 model on float32 inputs and gives the engine's float64 outputs to ${FLOAT32_TOLERANCE} of their scale`, async () => {
    for (const seed of SEEDS) {
      const spec = networkAround(definition, seed);
      const network = buildNetwork(spec, createRandom(seed));
      const x = inputs(spec, seed);
      const expected = network.forward(x, ROWS);
      const output = await runFloat32(encodeOnnxModel(network.trainedWeights(), 'test', 'float32'), x, [ROWS, ...(spec.inputShape ?? [spec.input])]);
      expect(output.dims).toEqual([ROWS, expected.length / ROWS]);
      expect(relativeToScale(output.data, expected), JSON.stringify(spec.layers[1])).toBeLessThan(FLOAT32_TOLERANCE);
    }
  });
});
