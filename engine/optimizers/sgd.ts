// Plain stochastic gradient descent: value −= step · gradient; pure, any process.
import { Optimizer } from './optimizer.js';

/**
 * value += (−step) · gradient through the kernels' addScaled (multiplied, then added, in every implementation), so that
 * with decay 1 it equals the exercise's update bit for bit.
 */
export class Sgd extends Optimizer {
  protected update(_index: number, value: Float64Array, gradient: Float64Array): void {
    this.kernels.addScaled(value, gradient, -this.stepSize, value.length);
  }
}
