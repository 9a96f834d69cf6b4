// What a loss is to the training loop: the minibatch figure it reports, its summed value and that sum's gradient; pure, any process.
import type { LossName } from './lossNames.js';

/**
 * A loss over a minibatch of `rows` samples, each `width` values wide. Its *input* is the network's output, except
 * for a loss that fuses with the last layer (categorical cross-entropy with a softmax): then it is that layer's
 * input (the logits), and the last layer's backward pass is bypassed.
 */
export interface Loss {
  readonly name: LossName;
  /** How many final layers the loss takes over: 1 for categorical cross-entropy (the softmax), else 0. */
  readonly fusedLayers: 0 | 1;
  /** The figure reported per minibatch (BCE and MSE: mean over rows×width; CCE: mean over rows of −Σ y ln p). */
  reported(targets: Float64Array, input: Float64Array, rows: number, width: number): number;
  /** The summed loss whose gradient `gradient` gives (BCE, MSE: over every element; CCE: over the rows). */
  total(targets: Float64Array, input: Float64Array, rows: number, width: number): number;
  /** Writes scale · ∂total/∂input into `gradient` (scale 1: the exercise's sum; 1 / rows: the mean). */
  gradient(targets: Float64Array, input: Float64Array, gradient: Float64Array, rows: number, width: number, scale: number): void;
  /** The reported loss of guessing without information (a uniform prediction), to judge whether a run learned at all; undefined when there is none. */
  guessingLoss(width: number): number | undefined;
}
