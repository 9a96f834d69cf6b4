// SGD with momentum and its Nesterov variant, in the form PyTorch and tinygrad use; pure, any process.
import type { Parameter } from '../layers/layer.js';
import { Optimizer, stateLike } from './optimizer.js';
import { OPTIMIZER_DEFAULTS } from './optimizerConfig.js';

/** v ← μ·v + g; value −= step · v. */
export class Momentum extends Optimizer {
  protected readonly velocities: Float64Array[];

  constructor(
    parameters: readonly Parameter[],
    learningRate: number,
    decay: number,
    readonly momentum: number = OPTIMIZER_DEFAULTS.momentum,
  ) {
    super(parameters, learningRate, decay);
    this.velocities = stateLike(parameters);
  }

  protected update(index: number, value: Float64Array, gradient: Float64Array, stepSize: number): void {
    const v = this.velocities[index]!;
    for (let i = 0; i < value.length; i++) {
      v[i] = this.momentum * v[i]! + gradient[i]!;
      value[i] -= stepSize * v[i]!;
    }
  }
}

/** v ← μ·v + g; value −= step · (g + μ·v): the update looks ahead along the velocity. */
export class Nesterov extends Momentum {
  protected override update(index: number, value: Float64Array, gradient: Float64Array, stepSize: number): void {
    const v = this.velocities[index]!;
    for (let i = 0; i < value.length; i++) {
      v[i] = this.momentum * v[i]! + gradient[i]!;
      value[i] -= stepSize * (gradient[i]! + this.momentum * v[i]!);
    }
  }
}
