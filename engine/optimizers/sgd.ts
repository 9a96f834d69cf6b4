// Plain stochastic gradient descent: value −= step · gradient; pure, any process.
import { Optimizer } from './optimizer.js';

/** value += (−step) · gradient, written so that with decay 1 it equals the exercise's update bit for bit. */
export class Sgd extends Optimizer {
  protected update(_index: number, value: Float64Array, gradient: Float64Array, stepSize: number): void {
    const scale = -stepSize;
    for (let i = 0; i < value.length; i++) value[i] += scale * gradient[i]!;
  }
}
