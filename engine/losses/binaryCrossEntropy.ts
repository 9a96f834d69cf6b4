// Binary cross-entropy and its gradient, kept finite when a prediction reaches exactly 0 or 1; pure, any process.
import type { Loss } from './loss.js';

/**
 * Predictions are clamped to [ε, 1 − ε] with ε = 1e-12 before the logarithm and in the gradient, so a sigmoid
 * that saturates to exactly 0 or 1 gives a large but finite loss (at most −ln ε ≈ 27.6 per element) instead of
 * Infinity or NaN. Inside (ε, 1 − ε), which is where any gradient check evaluates, the clamp changes nothing.
 */
export const BCE_EPSILON = 1e-12;

/**
 * The clamp reads a module-private copy: the optimising compiler does not know an exported binding holds a number, so
 * a choice between it and p boxed every p into a new heap number (16 bytes per element, per minibatch).
 */
const EPSILON: number = BCE_EPSILON;
const ONE_MINUS_EPSILON = 1 - EPSILON;

function clampPrediction(p: number): number {
  return p < EPSILON ? EPSILON : p > ONE_MINUS_EPSILON ? ONE_MINUS_EPSILON : p;
}

/** The loss of one prediction p for target y: −(y·ln p + (1 − y)·ln(1 − p)). */
export function binaryCrossEntropyOf(y: number, p: number): number {
  const q = clampPrediction(p);
  return -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
}

/** The sum of the elementwise loss over the first `length` values (the exercise's summed loss). */
export function sumBinaryCrossEntropy(targets: Float64Array, predictions: Float64Array, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i++) sum += binaryCrossEntropyOf(targets[i]!, predictions[i]!);
  return sum;
}

/** The mean of the elementwise loss over the first `length` values (what the exercise reports per minibatch). */
export function meanBinaryCrossEntropy(targets: Float64Array, predictions: Float64Array, length: number): number {
  return sumBinaryCrossEntropy(targets, predictions, length) / length;
}

/**
 * Writes scale · ∂(Σ loss)/∂p, i.e. scale · (−y/p + (1 − y)/(1 − p)), into `gradient`.
 * scale = 1 is the exercise's summed loss; scale = 1 / batch size is the mean over samples.
 */
export function binaryCrossEntropyGradient(targets: Float64Array, predictions: Float64Array, gradient: Float64Array, length: number, scale: number): void {
  for (let i = 0; i < length; i++) {
    const y = targets[i]!;
    const q = clampPrediction(predictions[i]!);
    gradient[i] = scale * (-y / q + (1 - y) / (1 - q));
  }
}

/** Binary cross-entropy on outputs in (0, 1), e.g. after a sigmoid. */
export const binaryCrossEntropy: Loss = {
  name: 'bce',
  fusedLayers: 0,
  reported: (targets, input, rows, width) => meanBinaryCrossEntropy(targets, input, rows * width),
  total: (targets, input, rows, width) => sumBinaryCrossEntropy(targets, input, rows * width),
  gradient: (targets, input, gradient, rows, width, scale) => binaryCrossEntropyGradient(targets, input, gradient, rows * width, scale),
  guessingLoss: () => Math.LN2,
};
