// SGD with momentum and its Nesterov variant, in the form PyTorch and tinygrad use; pure, any process.
import type { Kernels } from '../kernels/kernels.js';
import type { Parameter } from '../layers/layer.js';
import { Optimizer, stateLike } from './optimizer.js';
import { OPTIMIZER_DEFAULTS } from './optimizerConfig.js';

/** v ← μ·v + g; value −= step · v (the kernels' momentumStep, one call per parameter tensor). */
export class Momentum extends Optimizer {
  protected readonly velocities: Float64Array[];

  constructor(
    parameters: readonly Parameter[],
    learningRate: number,
    decay: number,
    readonly momentum: number = OPTIMIZER_DEFAULTS.momentum,
    kernels?: Kernels,
  ) {
    super(parameters, learningRate, decay, kernels);
    this.velocities = stateLike(parameters, this.kernels);
  }

  protected update(index: number, value: Float64Array, gradient: Float64Array): void {
    this.kernels.momentumStep(value, this.velocities[index]!, gradient, this.momentum, this.stepSize, value.length);
  }
}

/** v ← μ·v + g; value −= step · (g + μ·v): the update looks ahead along the velocity (the kernels' nesterovStep). */
export class Nesterov extends Momentum {
  protected override update(index: number, value: Float64Array, gradient: Float64Array): void {
    this.kernels.nesterovStep(value, this.velocities[index]!, gradient, this.momentum, this.stepSize, value.length);
  }
}
