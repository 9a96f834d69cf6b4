// The losses as the builder names them for a reader (renderer).
import type { LossName } from '../../engine/protocol.js';

export const LOSS_LABELS: Record<LossName, string> = {
  bce: 'binary cross-entropy',
  cce: 'categorical cross-entropy (fused with the softmax)',
  mse: 'mean squared error',
};
