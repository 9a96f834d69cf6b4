// The tanh activation and its backward pass dx = dy · (1 − y²); pure, any process.
import { sized, type Layer } from './layer.js';

/** Hyperbolic tangent; backward uses the output of the preceding forward. */
export class Tanh implements Layer {
  readonly type = 'tanh' as const;
  readonly parameters = [] as const;
  readonly outputs: number;
  private output: Float64Array = new Float64Array(0);
  private inputGradient: Float64Array = new Float64Array(0);

  constructor(readonly inputs: number) {
    this.outputs = inputs;
  }

  forward(x: Float64Array, rows: number): Float64Array {
    const length = rows * this.inputs;
    this.output = sized(this.output, length);
    for (let i = 0; i < length; i++) this.output[i] = Math.tanh(x[i]!);
    return this.output;
  }

  backward(_x: Float64Array, dy: Float64Array, rows: number): Float64Array {
    const length = rows * this.inputs;
    this.inputGradient = sized(this.inputGradient, length);
    for (let i = 0; i < length; i++) {
      const y = this.output[i]!;
      this.inputGradient[i] = dy[i]! * (1 - y * y);
    }
    return this.inputGradient;
  }
}
