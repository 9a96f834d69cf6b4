// The batched layer of any elementwise activation, made from its loops over buffers: forward beside backward; pure, any process.
import type { Kernels } from '../kernels/kernels.js';
import { sized, type Layer } from './layer.js';
import type { BatchedPair, ScalarPair } from './layerDefinition.js';

/** y = value(x) for every entry; backward dx = dy · derivative(x, y), with y kept from the preceding forward. */
export class Elementwise implements Layer {
  readonly parameters = [] as const;
  readonly outputs: number;
  private output: Float64Array = new Float64Array(0);
  private inputGradient: Float64Array = new Float64Array(0);

  constructor(
    readonly type: string,
    readonly inputs: number,
    private readonly loops: BatchedPair,
    /** Only to place the buffers where the kernels of the neighbouring layers work in place. */
    private readonly kernels?: Kernels,
  ) {
    this.outputs = inputs;
  }

  forward(x: Float64Array, rows: number): Float64Array {
    const length = rows * this.inputs;
    this.output = sized(this.output, length, this.kernels);
    this.loops.forward(x, this.output, length);
    return this.output;
  }

  backward(x: Float64Array, dy: Float64Array, rows: number): Float64Array {
    const length = rows * this.inputs;
    this.inputGradient = sized(this.inputGradient, length, this.kernels);
    this.loops.backward(x, this.output, dy, this.inputGradient, length);
    return this.inputGradient;
  }
}

/**
 * Loops over any scalar pair, for an activation whose functions are only known at run time (a typed expression): the call
 * in them sees every such pair, so V8 boxes the numbers it returns.
 */
export function loopsOverPair(pair: ScalarPair): BatchedPair {
  return {
    forward: (x, y, length) => {
      for (let i = 0; i < length; i++) y[i] = pair.value(x[i]!);
    },
    backward: (x, y, dy, dx, length) => {
      for (let i = 0; i < length; i++) dx[i] = dy[i]! * pair.derivative(x[i]!, y[i]!);
    },
  };
}
