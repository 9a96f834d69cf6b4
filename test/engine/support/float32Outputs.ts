// How a float32 ONNX model's outputs are held to the engine's float64 ones, and ONNX Runtime run on float32 inputs (test helper).
import * as ort from 'onnxruntime-web';

ort.env.wasm.numThreads = 1;

/** The float32 model's outputs are within this share of the output's scale (its largest magnitude) of the engine's. */
export const FLOAT32_TOLERANCE = 1e-4;

/** The largest difference between `got` and `expected`, over the largest magnitude of `expected` (its scale). */
export function relativeToScale(got: ArrayLike<number>, expected: ArrayLike<number>): number {
  let scale = 0;
  let largest = 0;
  for (let i = 0; i < expected.length; i++) {
    scale = Math.max(scale, Math.abs(expected[i]!));
    largest = Math.max(largest, Math.abs(got[i]! - expected[i]!));
  }
  return largest / scale;
}

/** A model's output in ONNX Runtime for `x` ([rows, ...sample]) given as float32, as float64 numbers. */
export async function runFloat32(model: Uint8Array, x: Float64Array, dims: readonly number[]): Promise<{ dims: readonly number[]; data: Float64Array }> {
  const session = await ort.InferenceSession.create(model);
  const output = (await session.run({ input: new ort.Tensor('float32', Float32Array.from(x), dims) })).output!;
  return { dims: output.dims, data: Float64Array.from(output.data as Float32Array) };
}
