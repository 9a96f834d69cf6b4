// A comparison as CSV text (renderer, pure): the results table, and every epoch of every run.
import type { CompareRun } from '../../engine/protocol/compare.js';
import type { ResultRow } from './comparisonStats.js';

/** A CSV cell: quoted when it holds a comma, a quote or a line break. */
function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: (string | number | undefined)[]) => cells.map(cell).join(',');

/** network,parameters,runs,test_accuracy_mean,test_accuracy_sd,…,seconds_mean: one line per network. */
export function resultsCsv(rows: readonly ResultRow[]): string {
  const header =
    'network,parameters,runs,test_accuracy_mean,test_accuracy_sd,test_accuracy_min,test_accuracy_max,test_loss_mean,test_loss_sd,seconds_mean,diverged';
  const lines = rows.map((r) =>
    line([
      r.name,
      r.parameters,
      r.runs,
      r.accuracy?.mean,
      r.accuracy?.sd,
      r.accuracy?.min,
      r.accuracy?.max,
      r.loss?.mean,
      r.loss?.sd,
      r.seconds?.mean,
      r.diverged,
    ]),
  );
  return [header, ...lines].join('\n') + '\n';
}

/** network,seed,epoch,train_loss,train_accuracy,test_loss,test_accuracy: one line per epoch of every run. */
export function epochsCsv(names: readonly string[], runs: readonly CompareRun[]): string {
  const lines = runs.flatMap((r) => r.history.map((m) => line([names[r.network], r.seed, m.epoch, m.trainLoss, m.trainAccuracy, m.testLoss, m.testAccuracy])));
  return ['network,seed,epoch,train_loss,train_accuracy,test_loss,test_accuracy', ...lines].join('\n') + '\n';
}
