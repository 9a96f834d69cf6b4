// A run's split as CSV text (row,set: each data row counted from 0 in the source's order, and "train" or "test"), in training order; pure, any process.
import type { SplitRows } from '../data/dataSets.js';

/** One line per row of the data: the training rows first, in the order the run trained on them, then the test rows. */
export function splitToCsv(split: SplitRows): string {
  const lines = ['row,set'];
  for (const row of split.train) lines.push(`${row},train`);
  for (const row of split.test) lines.push(`${row},test`);
  return lines.join('\n') + '\n';
}
