// Categorical cross-entropy fused with a final softmax: computed from the logits by log-sum-exp, gradient p − y; pure, any process.
import type { Loss } from './loss.js';

/** ln Σ_j e^(z_j) of one row, shifted by its maximum so that nothing overflows. */
function logSumExp(z: Float64Array, offset: number, width: number): number {
  let max = -Infinity;
  for (let j = 0; j < width; j++) if (z[offset + j]! > max) max = z[offset + j]!;
  let sum = 0;
  for (let j = 0; j < width; j++) sum += Math.exp(z[offset + j]! - max);
  return max + Math.log(sum);
}

/** Σ over rows of −Σ_j y_j · ln softmax(z)_j = Σ_j y_j · (lse(z) − z_j): finite for any finite logits. */
function summedLoss(targets: Float64Array, logits: Float64Array, rows: number, width: number): number {
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const offset = r * width;
    const lse = logSumExp(logits, offset, width);
    for (let j = 0; j < width; j++) {
      const y = targets[offset + j]!;
      if (y !== 0) total += y * (lse - logits[offset + j]!);
    }
  }
  return total;
}

/**
 * Categorical cross-entropy of a softmax output, taking the softmax's input z (the logits): its gradient is
 * p · Σ_j y_j − y, i.e. p − y for one-hot targets, with p = softmax(z). Reported per minibatch as the mean over
 * samples of −Σ y ln p.
 */
export const categoricalCrossEntropy: Loss = {
  name: 'cce',
  fusedLayers: 1,
  reported: (targets, logits, rows, width) => summedLoss(targets, logits, rows, width) / rows,
  total: summedLoss,
  gradient(targets, logits, gradient, rows, width, scale) {
    for (let r = 0; r < rows; r++) {
      const offset = r * width;
      const lse = logSumExp(logits, offset, width);
      let targetSum = 0;
      for (let j = 0; j < width; j++) targetSum += targets[offset + j]!;
      for (let j = 0; j < width; j++) {
        const p = Math.exp(logits[offset + j]! - lse);
        gradient[offset + j] = scale * (p * targetSum - targets[offset + j]!);
      }
    }
  },
  guessingLoss: (width) => Math.log(width),
};
