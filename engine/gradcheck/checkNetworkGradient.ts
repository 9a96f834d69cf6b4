// Gradient checks of a whole network's parameters under binary cross-entropy; pure, any process.
import { binaryCrossEntropyGradient, binaryCrossEntropyOf } from '../losses/binaryCrossEntropy.js';
import type { Network } from '../network/network.js';
import { checkGradient, type GradientCheck } from './checkGradient.js';

/** One check per parameter array, named like "layer 1 W" (layers counted from 1). */
export interface ParameterCheck extends GradientCheck {
  name: string;
}

/**
 * Checks the backward pass of `network` for the summed BCE loss of `rows` samples: for every parameter array,
 * the gradient from backward against central differences of the loss.
 */
export function checkNetworkGradient(network: Network, x: Float64Array, targets: Float64Array, rows: number, epsilon = 1e-6): ParameterCheck[] {
  const length = rows * network.outputs;
  const loss = (): number => {
    const predictions = network.forward(x, rows);
    let sum = 0;
    for (let i = 0; i < length; i++) sum += binaryCrossEntropyOf(targets[i]!, predictions[i]!);
    return sum;
  };
  const outputGradient = new Float64Array(length);
  const checks: ParameterCheck[] = [];
  network.layers.forEach((layer, index) => {
    for (const parameter of layer.parameters) {
      const check = checkGradient(
        () => loss(),
        () => {
          const predictions = network.forward(x, rows);
          binaryCrossEntropyGradient(targets, predictions, outputGradient, length, 1);
          network.backward(outputGradient, rows);
          return parameter.gradient;
        },
        parameter.value,
        epsilon,
      );
      checks.push({ name: `layer ${index + 1} ${parameter.name}`, ...check });
    }
  });
  return checks;
}
