// The batched layer of any elementwise activation, made from its scalar {value, derivative} pair: forward beside backward; pure, any process.
import type { Kernels } from '../kernels/kernels.js';
import { sized, type Layer } from './layer.js';
import type { ScalarPair } from './layerDefinition.js';

/** y = value(x) for every entry; backward dx = dy · derivative(x, y), with y kept from the preceding forward. */
export class Elementwise implements Layer {
  readonly parameters = [] as const;
  readonly outputs: number;
  private output: Float64Array = new Float64Array(0);
  private inputGradient: Float64Array = new Float64Array(0);

  constructor(
    readonly type: string,
    readonly inputs: number,
    private readonly pair: ScalarPair,
    /** Only to place the buffers where the kernels of the neighbouring layers work in place. */
    private readonly kernels?: Kernels,
  ) {
    this.outputs = inputs;
  }

  forward(x: Float64Array, rows: number): Float64Array {
    const length = rows * this.inputs;
    this.output = sized(this.output, length, this.kernels);
    for (let i = 0; i < length; i++) this.output[i] = this.pair.value(x[i]!);
    return this.output;
  }

  backward(x: Float64Array, dy: Float64Array, rows: number): Float64Array {
    const length = rows * this.inputs;
    this.inputGradient = sized(this.inputGradient, length, this.kernels);
    for (let i = 0; i < length; i++) this.inputGradient[i] = dy[i]! * this.pair.derivative(x[i]!, this.output[i]!);
    return this.inputGradient;
  }
}
