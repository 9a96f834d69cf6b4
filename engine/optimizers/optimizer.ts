// The optimizers' base: it owns the parameters, the step size and its decay, and step(); subclasses only compute an update; pure, any process.
import { allocateFor, type Kernels } from '../kernels/kernels.js';
import { plainKernels } from '../kernels/plainKernels.js';
import type { Parameter } from '../layers/layer.js';

/**
 * Updates a fixed list of parameters in place from their gradients. Before each update the step size is multiplied
 * by `decay`, exactly as the exercise's `step_size = step_size * decay` inside its loop (so the first update already
 * uses learningRate · decay). State buffers are allocated once, in the constructor, where `kernels` work fastest; each
 * update is one kernel call per parameter tensor, and a step allocates nothing.
 */
export abstract class Optimizer {
  /** Updates made so far. */
  steps = 0;
  /**
   * The step size, in a slot of its own: a number field declared before the constructor sets it holds every new value
   * in a new heap number, and the step size changes at every update when it decays.
   */
  private readonly size = new Float64Array(1);

  constructor(
    readonly parameters: readonly Parameter[],
    readonly learningRate: number,
    readonly decay = 1,
    protected readonly kernels: Kernels = plainKernels,
  ) {
    this.size[0] = learningRate;
  }

  /** The step size the last update used (the learning rate before the first). */
  get stepSize(): number {
    return this.size[0]!;
  }

  /** Decays the step size, then updates every parameter from its current gradient. */
  step(): void {
    this.size[0] = this.size[0]! * this.decay;
    this.steps++;
    for (let i = 0; i < this.parameters.length; i++) {
      const parameter = this.parameters[i]!;
      this.update(i, parameter.value, parameter.gradient);
    }
  }

  /** Steps of `learningRate` from the next update on (with a decay, decayed from there on as before). */
  setLearningRate(learningRate: number): void {
    this.size[0] = learningRate;
  }

  /** Sets every parameter's gradient to zero. */
  zeroGradients(): void {
    for (const parameter of this.parameters) parameter.gradient.fill(0);
  }

  /**
   * Updates `value` (the parameter at `index`) in place from `gradient` with this step's size (read from `stepSize`, not
   * passed: a number passed to a call that is not inlined is boxed into a new heap number).
   */
  protected abstract update(index: number, value: Float64Array, gradient: Float64Array): void;
}

/** One zeroed buffer per parameter, the same length as its value (an optimizer's state), where `kernels` work fastest. */
export function stateLike(parameters: readonly Parameter[], kernels: Kernels): Float64Array[] {
  return parameters.map((parameter) => allocateFor(kernels, parameter.value.length));
}
