// RMSProp: the step divided by a running root-mean-square of the gradient; pure, any process.
import type { Parameter } from '../layers/layer.js';
import { Optimizer, stateLike } from './optimizer.js';
import { OPTIMIZER_DEFAULTS } from './optimizerConfig.js';

/** s ← ρ·s + (1 − ρ)·g²; value −= step · g / (√s + ε). */
export class RmsProp extends Optimizer {
  private readonly squares: Float64Array[];

  constructor(
    parameters: readonly Parameter[],
    learningRate: number,
    decay: number,
    readonly rho: number = OPTIMIZER_DEFAULTS.rho,
    readonly epsilon: number = OPTIMIZER_DEFAULTS.epsilon,
  ) {
    super(parameters, learningRate, decay);
    this.squares = stateLike(parameters);
  }

  protected update(index: number, value: Float64Array, gradient: Float64Array, stepSize: number): void {
    const s = this.squares[index]!;
    for (let i = 0; i < value.length; i++) {
      const g = gradient[i]!;
      s[i] = this.rho * s[i]! + (1 - this.rho) * g * g;
      value[i] -= (stepSize * g) / (Math.sqrt(s[i]!) + this.epsilon);
    }
  }
}
