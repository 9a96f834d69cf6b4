// Inverted dropout: random zeros and a 1/(1 − rate) scale in training, the identity in evaluation; pure, any process.
import type { Kernels } from '../kernels/kernels.js';
import type { Random } from '../random.js';
import { sized, type Layer } from './layer.js';

/**
 * In training, each value is kept with probability 1 − rate and scaled by 1/(1 − rate) (so the expected output
 * equals the input and evaluation needs no rescaling), else zeroed; the mask is drawn from the seeded `random` given
 * at build time, so runs stay reproducible. In evaluation (the default) it passes values through.
 */
export class Dropout implements Layer {
  readonly type = 'dropout' as const;
  readonly parameters = [] as const;
  readonly outputs: number;
  /** When true, forward in training reuses the last mask instead of drawing a new one (for gradient checks). */
  keepMask = false;
  private training = false;
  private mask: Float64Array = new Float64Array(0);
  private output: Float64Array = new Float64Array(0);
  private inputGradient: Float64Array = new Float64Array(0);

  /** `kernels` only place the buffers where the neighbouring layers' kernels work in place. */
  constructor(
    readonly inputs: number,
    readonly rate: number,
    private readonly random: Random,
    private readonly kernels?: Kernels,
  ) {
    this.outputs = inputs;
  }

  setTraining(on: boolean): void {
    this.training = on;
  }

  holdRandomDraws(): void {
    this.keepMask = true;
  }

  get isTraining(): boolean {
    return this.training;
  }

  forward(x: Float64Array, rows: number): Float64Array {
    const length = rows * this.inputs;
    this.output = sized(this.output, length, this.kernels);
    if (!this.training) {
      this.output.set(x.length === length ? x : x.subarray(0, length));
      return this.output;
    }
    if (!this.keepMask || this.mask.length !== length) {
      this.mask = sized(this.mask, length);
      const scale = 1 / (1 - this.rate);
      for (let i = 0; i < length; i++) this.mask[i] = this.random.next() < this.rate ? 0 : scale;
    }
    for (let i = 0; i < length; i++) this.output[i] = x[i]! * this.mask[i]!;
    return this.output;
  }

  backward(_x: Float64Array, dy: Float64Array, rows: number): Float64Array {
    const length = rows * this.inputs;
    this.inputGradient = sized(this.inputGradient, length, this.kernels);
    if (!this.training) this.inputGradient.set(dy.length === length ? dy : dy.subarray(0, length));
    else for (let i = 0; i < length; i++) this.inputGradient[i] = dy[i]! * this.mask[i]!;
    return this.inputGradient;
  }
}
