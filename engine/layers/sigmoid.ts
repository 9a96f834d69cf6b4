// The sigmoid activation y = 1 / (1 + e^(−x)), numerically stable, and its backward pass; pure, any process.
import type { Kernels } from '../kernels/kernels.js';
import { sized, type Layer } from './layer.js';

/** Sigmoid; backward uses the output of the preceding forward: dx = dy · y · (1 − y). */
export class Sigmoid implements Layer {
  readonly type = 'sigmoid' as const;
  readonly parameters = [] as const;
  readonly outputs: number;
  protected output: Float64Array = new Float64Array(0);
  protected inputGradient: Float64Array = new Float64Array(0);

  constructor(
    readonly inputs: number,
    protected readonly kernels: Kernels,
  ) {
    this.outputs = inputs;
  }

  forward(x: Float64Array, rows: number): Float64Array {
    const length = rows * this.inputs;
    this.output = sized(this.output, length, this.kernels);
    this.kernels.sigmoid(x, this.output, length);
    return this.output;
  }

  backward(_x: Float64Array, dy: Float64Array, rows: number): Float64Array {
    const length = rows * this.inputs;
    this.inputGradient = sized(this.inputGradient, length, this.kernels);
    this.kernels.sigmoidBackward(this.output, dy, this.inputGradient, length);
    return this.inputGradient;
  }
}
