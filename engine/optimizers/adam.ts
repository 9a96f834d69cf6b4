// Adam: momentum on the gradient and on its square, both bias-corrected (Kingma & Ba, 2015); pure, any process.
import type { AdamMoments, AdamStepSettings, Kernels } from '../kernels/kernels.js';
import type { Parameter } from '../layers/layer.js';
import { Optimizer, stateLike } from './optimizer.js';
import { OPTIMIZER_DEFAULTS } from './optimizerConfig.js';

/**
 * m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; value −= step · m̂ / (√v̂ + ε), with m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ)
 * (the kernels' adamStep, one call per parameter tensor).
 */
export class Adam extends Optimizer {
  private readonly moments: AdamMoments[];
  /** One settings object, refilled each step, so that a step allocates nothing. */
  private readonly settings: AdamStepSettings;

  constructor(
    parameters: readonly Parameter[],
    learningRate: number,
    decay: number,
    readonly beta1: number = OPTIMIZER_DEFAULTS.beta1,
    readonly beta2: number = OPTIMIZER_DEFAULTS.beta2,
    readonly epsilon: number = OPTIMIZER_DEFAULTS.epsilon,
    kernels?: Kernels,
  ) {
    super(parameters, learningRate, decay, kernels);
    const first = stateLike(parameters, this.kernels);
    const second = stateLike(parameters, this.kernels);
    this.moments = first.map((values, i) => ({ first: values, second: second[i]! }));
    this.settings = { beta1, beta2, epsilon, stepSize: learningRate, firstCorrection: 1, secondCorrection: 1 };
  }

  protected update(index: number, value: Float64Array, gradient: Float64Array): void {
    const settings = this.settings;
    settings.stepSize = this.stepSize;
    settings.firstCorrection = 1 - this.beta1 ** this.steps;
    settings.secondCorrection = 1 - this.beta2 ** this.steps;
    this.kernels.adamStep(value, this.moments[index]!, gradient, settings, value.length);
  }
}
