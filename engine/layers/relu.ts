// The ReLU activation y = max(0, x) and its backward pass; pure, any process.
import type { Kernels } from '../kernels/kernels.js';
import { sized, type Layer } from './layer.js';

/** ReLU; its gradient at exactly 0 is taken as 0. */
export class Relu implements Layer {
  readonly type = 'relu' as const;
  readonly parameters = [] as const;
  readonly outputs: number;
  private output: Float64Array = new Float64Array(0);
  private inputGradient: Float64Array = new Float64Array(0);

  constructor(
    readonly inputs: number,
    private readonly kernels: Kernels,
  ) {
    this.outputs = inputs;
  }

  forward(x: Float64Array, rows: number): Float64Array {
    const length = rows * this.inputs;
    this.output = sized(this.output, length, this.kernels);
    this.kernels.relu(x, this.output, length);
    return this.output;
  }

  backward(x: Float64Array, dy: Float64Array, rows: number): Float64Array {
    const length = rows * this.inputs;
    this.inputGradient = sized(this.inputGradient, length, this.kernels);
    this.kernels.reluBackward(x, dy, this.inputGradient, length);
    return this.inputGradient;
  }
}
