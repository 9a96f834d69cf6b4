// The leaky ReLU activation y = max(αx, x) and its backward pass; pure, any process.
import { sized, type Layer } from './layer.js';

/** The slope for negative inputs when a spec gives none. */
export const DEFAULT_LEAKY_ALPHA = 0.01;

/** Leaky ReLU: x for x > 0, else αx; its gradient at exactly 0 is taken as α. */
export class LeakyRelu implements Layer {
  readonly type = 'leaky_relu' as const;
  readonly parameters = [] as const;
  readonly outputs: number;
  private output: Float64Array = new Float64Array(0);
  private inputGradient: Float64Array = new Float64Array(0);

  constructor(readonly inputs: number, readonly alpha: number = DEFAULT_LEAKY_ALPHA) {
    this.outputs = inputs;
  }

  forward(x: Float64Array, rows: number): Float64Array {
    const length = rows * this.inputs;
    this.output = sized(this.output, length);
    for (let i = 0; i < length; i++) {
      const value = x[i]!;
      this.output[i] = value > 0 ? value : this.alpha * value;
    }
    return this.output;
  }

  backward(x: Float64Array, dy: Float64Array, rows: number): Float64Array {
    const length = rows * this.inputs;
    this.inputGradient = sized(this.inputGradient, length);
    for (let i = 0; i < length; i++) this.inputGradient[i] = x[i]! > 0 ? dy[i]! : this.alpha * dy[i]!;
    return this.inputGradient;
  }
}
