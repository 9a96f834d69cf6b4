// Flatten: a C×H×W sample read as one vector of C·H·W values, in the same row-major order, so data and gradients pass unchanged; pure, any process.
import type { Layer } from './layer.js';

/** The identity on the values: a batch is stored sample by sample, each sample channel by channel, row by row. */
export class Flatten implements Layer {
  readonly type = 'flatten' as const;
  readonly outputs: number;
  readonly parameters = [];

  constructor(readonly inputs: number) {
    this.outputs = inputs;
  }

  forward(x: Float64Array): Float64Array {
    return x;
  }

  backward(_x: Float64Array, dy: Float64Array): Float64Array {
    return dy;
  }
}
