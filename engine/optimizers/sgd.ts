// Plain stochastic gradient descent: value −= learning rate · gradient; pure, any process.
import type { Kernels } from '../kernels/kernels.js';
import type { Parameter } from '../layers/layer.js';

/** An optimizer updates parameters in place from their gradients. */
export interface Optimizer {
  step(parameters: readonly Parameter[]): void;
}

/** Plain SGD with a fixed learning rate. */
export function createSgd(learningRate: number, kernels: Kernels): Optimizer {
  return {
    step(parameters) {
      for (const parameter of parameters) {
        kernels.addScaled(parameter.value, parameter.gradient, -learningRate, parameter.value.length);
      }
    },
  };
}
