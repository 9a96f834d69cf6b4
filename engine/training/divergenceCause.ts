// What to blame when a run diverges or gets worse: the weight decay when it alone makes the steps grow, else the learning rate; pure, any process.
import type { Hyperparameters } from './hyperparameters.js';

/** The optimizers whose weight-decay step is w ← (1 − η·λ)·w − η·g, so that η·λ > 2 makes |w| grow every step whatever the data. */
const PLAIN_STEP_KINDS = new Set(['sgd', 'momentum', 'nesterov']);

/**
 * The advice for a run that diverged or got worse: with plain steps and η·λ > 2 the weight decay alone multiplies the weights
 * by |1 − η·λ| > 1 each step, so it is named with that product; otherwise the learning rate is the likely cause.
 */
export function divergenceCause(hyper: Pick<Hyperparameters, 'learningRate' | 'weightDecay' | 'optimizer'>): {
  blames: 'weight decay' | 'learning rate';
  advice: string;
} {
  const lambda = hyper.weightDecay ?? 0;
  const product = hyper.learningRate * lambda;
  if (PLAIN_STEP_KINDS.has(hyper.optimizer?.kind ?? 'sgd') && product > 2) {
    return {
      blames: 'weight decay',
      advice: `the weight decay is too large: learning rate × weight decay = ${product.toPrecision(3)}, above 2, so every step multiplies the weights by ${Math.abs(1 - product).toPrecision(3)}; use a weight decay below ${(2 / hyper.learningRate).toPrecision(3)}`,
    };
  }
  return { blames: 'learning rate', advice: 'try a smaller learning rate' };
}
