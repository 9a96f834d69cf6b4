// Runs one activation layer's ONNX export on a row of values in ONNX Runtime (WebAssembly, in Node), for activation tests (test helper).
import * as ort from 'onnxruntime-web';
import { encodeOnnxModel } from '../../../engine/export/onnx.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { createRandom } from '../../../engine/random.js';
import type { LayerSpec } from '../../../engine/spec.js';

ort.env.wasm.numThreads = 1;

/** The exported network [layer] applied by ONNX Runtime to `x`, as one row. */
export async function onnxActivation(layer: LayerSpec, x: Float64Array): Promise<Float64Array> {
  const model = encodeOnnxModel(buildNetwork({ input: x.length, layers: [layer] }, createRandom(1)).trainedWeights(), 'test');
  const session = await ort.InferenceSession.create(model);
  return (await session.run({ input: new ort.Tensor('float64', x, [1, x.length]) })).output!.data as Float64Array;
}
