// The fully connected layer y = x·W + b, its initialisation and its backward pass; pure, any process.
import { allocateFor, type Kernels } from '../kernels/kernels.js';
import type { Random } from '../random.js';
import { initialiseWeights, type InitScheme } from './initialisation.js';
import { sized, type Layer, type Parameter } from './layer.js';

export { xavierBound } from './initialisation.js';

/** A Linear layer; W is row-major inputs×outputs, b has `outputs` values. */
export class Linear implements Layer {
  readonly type = 'linear' as const;
  readonly W: Float64Array;
  readonly b: Float64Array;
  readonly dW: Float64Array;
  readonly db: Float64Array;
  readonly parameters: readonly Parameter[];
  protected output: Float64Array = new Float64Array(0);
  protected inputGradient: Float64Array = new Float64Array(0);

  /** Creates the layer with weights drawn from `random` by `init` (default Glorot/Xavier uniform, row by row) and zero bias. */
  constructor(
    readonly inputs: number,
    readonly outputs: number,
    protected readonly kernels: Kernels,
    random: Random,
    readonly init: InitScheme = 'xavier',
  ) {
    this.W = allocateFor(kernels, inputs * outputs);
    initialiseWeights(this.W, inputs, outputs, init, random);
    this.b = allocateFor(kernels, outputs);
    this.dW = allocateFor(kernels, inputs * outputs);
    this.db = allocateFor(kernels, outputs);
    this.parameters = [
      { name: 'W', shape: [inputs, outputs], value: this.W, gradient: this.dW, decayed: true, filterAxis: 1 },
      { name: 'b', shape: [outputs], value: this.b, gradient: this.db, decayed: false },
    ];
  }

  forward(x: Float64Array, rows: number): Float64Array {
    this.output = sized(this.output, rows * this.outputs, this.kernels);
    this.kernels.affine(x, this.W, this.b, this.output, rows, this.inputs, this.outputs);
    return this.output;
  }

  /** dx = dy·Wᵀ, dW = xᵀ·dy, db = the column sums of dy (the bias is added to every row, so its gradient sums over rows). */
  backward(x: Float64Array, dy: Float64Array, rows: number, inputGradient = true): Float64Array {
    this.inputGradient = sized(this.inputGradient, rows * this.inputs, this.kernels);
    this.kernels.weightGradient(x, dy, this.dW, this.db, rows, this.inputs, this.outputs);
    if (inputGradient) this.kernels.matmulTransposeB(dy, this.W, this.inputGradient, rows, this.outputs, this.inputs);
    return this.inputGradient;
  }
}
