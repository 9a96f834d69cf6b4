// Softmax over each row, stable for any logits, and its backward pass; pure, any process.
import type { Kernels } from '../kernels/kernels.js';
import { sized, type Layer } from './layer.js';

/**
 * Writes the softmax of each of the `rows` rows of `x` (rows×width) into `out`: e^(x − max) / Σ e^(x − max),
 * so no exponential overflows. `out` may be `x`.
 */
export function softmaxRows(x: Float64Array, out: Float64Array, rows: number, width: number): void {
  for (let r = 0; r < rows; r++) {
    const offset = r * width;
    let max = -Infinity;
    for (let j = 0; j < width; j++) if (x[offset + j]! > max) max = x[offset + j]!;
    let sum = 0;
    for (let j = 0; j < width; j++) {
      const e = Math.exp(x[offset + j]! - max);
      out[offset + j] = e;
      sum += e;
    }
    for (let j = 0; j < width; j++) out[offset + j] = out[offset + j]! / sum;
  }
}

/**
 * Softmax; backward is the Jacobian–vector product dx = y ⊙ (dy − Σ_j dy_j·y_j) per row. When trained with
 * categorical cross-entropy the loss takes the softmax's input instead (see engine/losses), and this backward is bypassed.
 */
export class Softmax implements Layer {
  readonly type = 'softmax' as const;
  readonly parameters = [] as const;
  readonly outputs: number;
  private output: Float64Array = new Float64Array(0);
  private inputGradient: Float64Array = new Float64Array(0);

  /** `kernels` only place the buffers where the neighbouring layers' kernels work in place. */
  constructor(
    readonly inputs: number,
    private readonly kernels?: Kernels,
  ) {
    this.outputs = inputs;
  }

  forward(x: Float64Array, rows: number): Float64Array {
    this.output = sized(this.output, rows * this.inputs, this.kernels);
    softmaxRows(x, this.output, rows, this.inputs);
    return this.output;
  }

  backward(_x: Float64Array, dy: Float64Array, rows: number): Float64Array {
    const width = this.inputs;
    this.inputGradient = sized(this.inputGradient, rows * width, this.kernels);
    for (let r = 0; r < rows; r++) {
      const offset = r * width;
      let dot = 0;
      for (let j = 0; j < width; j++) dot += dy[offset + j]! * this.output[offset + j]!;
      for (let j = 0; j < width; j++) this.inputGradient[offset + j] = this.output[offset + j]! * (dy[offset + j]! - dot);
    }
    return this.inputGradient;
  }
}
