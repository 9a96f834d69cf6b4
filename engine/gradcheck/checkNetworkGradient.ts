// Gradient checks of a whole network under its loss: every parameter array and the input; pure, any process.
import { createLoss } from '../losses/createLoss.js';
import { defaultLossFor } from '../losses/lossRules.js';
import type { Loss } from '../losses/loss.js';
import type { Network } from '../network/network.js';
import { runSteps, type Steps } from '../work/steps.js';
import { checkGradientSteps, GRADCHECK_EPSILON, GRADCHECK_THRESHOLD, type NamedCheck } from './checkGradient.js';

/**
 * Checks the backward pass of `network` for the summed `loss` (default: the usual one for its last layer) of `rows`
 * samples: for every parameter array ("layer 1 dW", "layer 1 db", … layers counted from 1), then the input ("dx"),
 * the gradient from backward against central differences of the loss. A fused loss is differentiated through the
 * softmax's forward while backward bypasses it, so the check covers the fusion too.
 */
export function checkNetworkGradient(
  network: Network,
  x: Float64Array,
  targets: Float64Array,
  rows: number,
  loss: Loss = createLoss(defaultLossFor(network.spec)),
  epsilon = GRADCHECK_EPSILON,
  threshold = GRADCHECK_THRESHOLD,
): NamedCheck[] {
  return runSteps(checkNetworkGradientSteps(network, x, targets, rows, loss, epsilon, threshold));
}

/** checkNetworkGradient as steps, one perturbed coordinate each. */
export function* checkNetworkGradientSteps(
  network: Network,
  x: Float64Array,
  targets: Float64Array,
  rows: number,
  loss: Loss = createLoss(defaultLossFor(network.spec)),
  epsilon = GRADCHECK_EPSILON,
  threshold = GRADCHECK_THRESHOLD,
): Steps<NamedCheck[]> {
  const width = network.outputs;
  const last = network.layers.length - 1;
  const lossInput = (output: Float64Array): Float64Array => (loss.fusedLayers === 1 ? network.inputOf(last) : output);
  const total = (point: Float64Array): number => loss.total(targets, lossInput(network.forward(point, rows)), rows, width);
  const outputGradient = new Float64Array(rows * width);
  const backward = (point: Float64Array): Float64Array => {
    const input = lossInput(network.forward(point, rows));
    loss.gradient(targets, input, outputGradient, rows, width, 1);
    return network.backward(outputGradient, rows, loss.fusedLayers);
  };
  const checks: NamedCheck[] = [];
  for (const [index, layer] of network.layers.entries()) {
    for (const parameter of layer.parameters) {
      const check = yield* checkGradientSteps(
        () => total(x),
        () => {
          backward(x);
          return parameter.gradient;
        },
        parameter.value,
        epsilon,
        threshold,
      );
      checks.push({ name: `layer ${index + 1} d${parameter.name}`, ...check });
    }
  }
  checks.push({ name: 'dx', ...(yield* checkGradientSteps(total, backward, x, epsilon, threshold)) });
  return checks;
}
