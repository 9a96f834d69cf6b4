// Per-epoch metrics as CSV text (epoch,train_loss,train_accuracy,test_loss,test_accuracy); pure, any process.
import type { EpochMetrics } from '../training/epochMetrics.js';

/** The CSV header and one row per epoch; numbers are written in full precision. */
export function metricsToCsv(history: readonly EpochMetrics[]): string {
  const rows = history.map((m) => [m.epoch, m.trainLoss, m.trainAccuracy, m.testLoss, m.testAccuracy].join(','));
  return ['epoch,train_loss,train_accuracy,test_loss,test_accuracy', ...rows].join('\n') + '\n';
}
