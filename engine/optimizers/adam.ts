// Adam: momentum on the gradient and on its square, both bias-corrected (Kingma & Ba, 2015); pure, any process.
import type { Parameter } from '../layers/layer.js';
import { Optimizer, stateLike } from './optimizer.js';
import { OPTIMIZER_DEFAULTS } from './optimizerConfig.js';

/** m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; value −= step · m̂ / (√v̂ + ε), with m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ). */
export class Adam extends Optimizer {
  private readonly firstMoments: Float64Array[];
  private readonly secondMoments: Float64Array[];

  constructor(
    parameters: readonly Parameter[],
    learningRate: number,
    decay: number,
    readonly beta1: number = OPTIMIZER_DEFAULTS.beta1,
    readonly beta2: number = OPTIMIZER_DEFAULTS.beta2,
    readonly epsilon: number = OPTIMIZER_DEFAULTS.epsilon,
  ) {
    super(parameters, learningRate, decay);
    this.firstMoments = stateLike(parameters);
    this.secondMoments = stateLike(parameters);
  }

  protected update(index: number, value: Float64Array, gradient: Float64Array, stepSize: number): void {
    const m = this.firstMoments[index]!;
    const v = this.secondMoments[index]!;
    const firstCorrection = 1 - this.beta1 ** this.steps;
    const secondCorrection = 1 - this.beta2 ** this.steps;
    for (let i = 0; i < value.length; i++) {
      const g = gradient[i]!;
      m[i] = this.beta1 * m[i]! + (1 - this.beta1) * g;
      v[i] = this.beta2 * v[i]! + (1 - this.beta2) * g * g;
      value[i] -= (stepSize * (m[i]! / firstCorrection)) / (Math.sqrt(v[i]! / secondCorrection) + this.epsilon);
    }
  }
}
