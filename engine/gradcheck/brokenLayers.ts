// The exercise's two wrong backward passes, kept so a gradient check can be seen catching them; reachable only from gradcheck; pure, any process.
import type { Kernels } from '../kernels/kernels.js';
import { sized } from '../layers/layer.js';
import { Linear } from '../layers/linear.js';
import { shapeSize } from '../layers/shape.js';
import { Sigmoid } from '../layers/sigmoid.js';
import { buildLayer, type LayerFactory } from '../network/network.js';
import type { GradcheckVariant } from './gradcheckVariants.js';

/** The exercise's Linear whose backward sets db = np.sum(dy) / len(dy): one number over all entries, over the batch size. */
export class ExerciseDbLinear extends Linear {
  override backward(x: Float64Array, dy: Float64Array, rows: number): Float64Array {
    const dx = super.backward(x, dy, rows);
    let total = 0;
    for (let i = 0; i < rows * this.outputs; i++) total += dy[i]!;
    this.db.fill(total / rows);
    return dx;
  }
}

/** The exercise's `grad_h = sigmoid_grad(grad_y_hat)`: σ'(dy) = σ(dy)(1 − σ(dy)) where dy · σ'(x) belongs. */
export class ExerciseSigmoidGrad extends Sigmoid {
  constructor(inputs: number, kernels: Kernels) {
    super(inputs, kernels);
  }

  override backward(_x: Float64Array, dy: Float64Array, rows: number): Float64Array {
    const length = rows * this.inputs;
    this.inputGradient = sized(this.inputGradient, length, this.kernels);
    this.kernels.sigmoid(dy, this.inputGradient, length);
    for (let i = 0; i < length; i++) {
      const s = this.inputGradient[i]!;
      this.inputGradient[i] = s * (1 - s);
    }
    return this.inputGradient;
  }
}

/** Which layer type each broken variant replaces. */
export const BROKEN_LAYER_TYPE = { 'exercise-db': 'linear', 'exercise-sigmoid-grad': 'sigmoid' } as const;

/** The layer factory of a variant: the correct layers, with the variant's layer type swapped for its broken version. */
export function layerFactoryFor(variant: GradcheckVariant): LayerFactory {
  if (variant === 'correct') return buildLayer;
  return (spec, input, kernels, random, trainingRandom) => {
    if (variant === 'exercise-db' && spec.type === 'linear') return new ExerciseDbLinear(shapeSize(input), spec.units, kernels, random, spec.init ?? 'xavier');
    if (variant === 'exercise-sigmoid-grad' && spec.type === 'sigmoid') return new ExerciseSigmoidGrad(shapeSize(input), kernels);
    return buildLayer(spec, input, kernels, random, trainingRandom);
  };
}
