// Mean squared error and the gradient of its sum, 2·(p − y); pure, any process.
import type { Loss } from './loss.js';

function sumOfSquares(targets: Float64Array, predictions: Float64Array, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const difference = predictions[i]! - targets[i]!;
    sum += difference * difference;
  }
  return sum;
}

/** Mean squared error (p − y)², reported as the mean over rows×width; the gradient of the summed loss is 2·(p − y). */
export const meanSquaredError: Loss = {
  name: 'mse',
  fusedLayers: 0,
  reported: (targets, input, rows, width) => sumOfSquares(targets, input, rows * width) / (rows * width),
  total: (targets, input, rows, width) => sumOfSquares(targets, input, rows * width),
  gradient(targets, input, gradient, rows, width, scale) {
    const length = rows * width;
    for (let i = 0; i < length; i++) gradient[i] = scale * 2 * (input[i]! - targets[i]!);
  },
  guessingLoss: () => undefined,
};
