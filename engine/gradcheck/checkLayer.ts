// Gradient checks of one layer's backward pass: dx and each parameter's gradient, against central differences; pure, any process.
import type { Layer } from '../layers/layer.js';
import { runSteps, type Steps } from '../work/steps.js';
import { checkGradientSteps, GRADCHECK_EPSILON, GRADCHECK_THRESHOLD, type NamedCheck } from './checkGradient.js';

/** Σ upstream ⊙ layer(x): its gradient with respect to the layer's output is `upstream`, so backward(x, upstream) must give its gradient. */
function weightedOutput(layer: Layer, x: Float64Array, rows: number, upstream: Float64Array): number {
  const y = layer.forward(x, rows);
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += upstream[i]! * y[i]!;
  return sum;
}

/**
 * Checks `layer` at the batch `x` (rows×inputs) with the upstream gradient `upstream` (rows×outputs): "dx" and then
 * "d" + each parameter's name ("dW", "db"), like the exercise's check_grad cells but with any upstream gradient.
 * Parameters are perturbed in place and restored.
 */
export function checkLayer(
  layer: Layer,
  x: Float64Array,
  rows: number,
  upstream: Float64Array,
  epsilon = GRADCHECK_EPSILON,
  threshold = GRADCHECK_THRESHOLD,
): NamedCheck[] {
  return runSteps(checkLayerSteps(layer, x, rows, upstream, epsilon, threshold));
}

/** checkLayer as steps, one perturbed coordinate each. */
export function* checkLayerSteps(
  layer: Layer,
  x: Float64Array,
  rows: number,
  upstream: Float64Array,
  epsilon = GRADCHECK_EPSILON,
  threshold = GRADCHECK_THRESHOLD,
): Steps<NamedCheck[]> {
  const f = (): number => weightedOutput(layer, x, rows, upstream);
  const checks: NamedCheck[] = [
    {
      name: 'dx',
      ...(yield* checkGradientSteps(
        (point) => weightedOutput(layer, point, rows, upstream),
        (point) => {
          layer.forward(point, rows);
          return layer.backward(point, upstream, rows);
        },
        x,
        epsilon,
        threshold,
      )),
    },
  ];
  for (const parameter of layer.parameters) {
    checks.push({
      name: `d${parameter.name}`,
      ...(yield* checkGradientSteps(
        f,
        () => {
          layer.forward(x, rows);
          layer.backward(x, upstream, rows);
          return parameter.gradient;
        },
        parameter.value,
        epsilon,
        threshold,
      )),
    });
  }
  return checks;
}
