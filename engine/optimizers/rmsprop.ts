// RMSProp: the step divided by a running root-mean-square of the gradient; pure, any process.
import type { Kernels } from '../kernels/kernels.js';
import type { Parameter } from '../layers/layer.js';
import { Optimizer, stateLike } from './optimizer.js';
import { OPTIMIZER_DEFAULTS } from './optimizerConfig.js';

/** s ← ρ·s + (1 − ρ)·g²; value −= step · g / (√s + ε) (the kernels' rmspropStep, one call per parameter tensor). */
export class RmsProp extends Optimizer {
  private readonly squares: Float64Array[];

  constructor(
    parameters: readonly Parameter[],
    learningRate: number,
    decay: number,
    readonly rho: number = OPTIMIZER_DEFAULTS.rho,
    readonly epsilon: number = OPTIMIZER_DEFAULTS.epsilon,
    kernels?: Kernels,
  ) {
    super(parameters, learningRate, decay, kernels);
    this.squares = stateLike(parameters, this.kernels);
  }

  protected update(index: number, value: Float64Array, gradient: Float64Array): void {
    this.kernels.rmspropStep(value, this.squares[index]!, gradient, this.rho, this.epsilon, this.stepSize, value.length);
  }
}
