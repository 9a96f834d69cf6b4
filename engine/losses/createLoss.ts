// The loss implementation for a loss name; pure, any process.
import { binaryCrossEntropy } from './binaryCrossEntropy.js';
import { categoricalCrossEntropy } from './categoricalCrossEntropy.js';
import type { Loss } from './loss.js';
import type { LossName } from './lossNames.js';
import { meanSquaredError } from './meanSquaredError.js';

const LOSSES: Record<LossName, Loss> = { bce: binaryCrossEntropy, cce: categoricalCrossEntropy, mse: meanSquaredError };

/** The loss called `name`. */
export function createLoss(name: LossName): Loss {
  return LOSSES[name];
}
