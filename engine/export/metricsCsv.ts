// Per-epoch metrics as CSV text (epoch,train_loss,train_accuracy,test_loss,test_accuracy; without the test columns for a run without a test set); pure, any process.
import type { EpochMetrics } from '../training/epochMetrics.js';

/** The CSV header and one row per epoch; numbers are written in full precision. A run without a test set has no test columns. */
export function metricsToCsv(history: readonly EpochMetrics[]): string {
  const withTest = history.length === 0 || history.some((m) => m.testLoss !== undefined);
  const header = withTest ? 'epoch,train_loss,train_accuracy,test_loss,test_accuracy' : 'epoch,train_loss,train_accuracy';
  const rows = history.map((m) => [m.epoch, m.trainLoss, m.trainAccuracy, ...(withTest ? [m.testLoss ?? '', m.testAccuracy ?? ''] : [])].join(','));
  return [header, ...rows].join('\n') + '\n';
}
