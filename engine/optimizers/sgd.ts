// Plain stochastic gradient descent: value −= step · gradient; pure, any process.
import type { Kernels } from '../kernels/kernels.js';
import { plainKernels } from '../kernels/plainKernels.js';
import type { Parameter } from '../layers/layer.js';
import { Optimizer } from './optimizer.js';

/**
 * value += (−step) · gradient through the kernels' addScaled (multiplied, then added, in every implementation), so that
 * with decay 1 it equals the exercise's update bit for bit.
 */
export class Sgd extends Optimizer {
  constructor(
    parameters: readonly Parameter[],
    learningRate: number,
    decay = 1,
    private readonly kernels: Kernels = plainKernels,
  ) {
    super(parameters, learningRate, decay);
  }

  protected update(_index: number, value: Float64Array, gradient: Float64Array, stepSize: number): void {
    this.kernels.addScaled(value, gradient, -stepSize, value.length);
  }
}
