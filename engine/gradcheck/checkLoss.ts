// Gradient check of a loss with respect to its input (for the fused categorical cross-entropy: the logits); pure, any process.
import type { Loss } from '../losses/loss.js';
import { runSteps, type Steps } from '../work/steps.js';
import { checkGradientSteps, GRADCHECK_EPSILON, GRADCHECK_THRESHOLD, type NamedCheck } from './checkGradient.js';

/** Checks ∂(summed loss)/∂input of `loss` at `input` (rows×width) for `targets`; named "dloss/dlogits" for a fused loss, else "dloss/dinput". */
export function checkLoss(
  loss: Loss,
  targets: Float64Array,
  input: Float64Array,
  rows: number,
  width: number,
  epsilon = GRADCHECK_EPSILON,
  threshold = GRADCHECK_THRESHOLD,
): NamedCheck {
  return runSteps(checkLossSteps(loss, targets, input, rows, width, epsilon, threshold));
}

/** checkLoss as steps, one perturbed coordinate each. */
export function* checkLossSteps(
  loss: Loss,
  targets: Float64Array,
  input: Float64Array,
  rows: number,
  width: number,
  epsilon = GRADCHECK_EPSILON,
  threshold = GRADCHECK_THRESHOLD,
): Steps<NamedCheck> {
  const gradient = new Float64Array(rows * width);
  return {
    name: loss.fusedLayers === 1 ? 'dloss/dlogits' : 'dloss/dinput',
    ...(yield* checkGradientSteps(
      (point) => loss.total(targets, point, rows, width),
      (point) => {
        loss.gradient(targets, point, gradient, rows, width, 1);
        return gradient;
      },
      input,
      epsilon,
      threshold,
    )),
  };
}
