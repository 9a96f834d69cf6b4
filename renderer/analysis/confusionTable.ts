// The confusion matrix as a table model (renderer): counts with row totals, accuracy, and each cell's heat colour; pure, no DOM.
import { interpolateBlues, scaleSequential } from 'd3';

export interface ConfusionCell {
  /** True class (row) and predicted class (column). */
  truth: number;
  predicted: number;
  count: number;
  /** The share of its row (the true class's samples), 0 when the row is empty. */
  rowShare: number;
  correct: boolean;
  fill: string;
  /** Dark cells get light text. */
  dark: boolean;
}

export interface ConfusionRow {
  truth: number;
  label: string;
  cells: ConfusionCell[];
  total: number;
}

export interface ConfusionTableModel {
  classes: string[];
  rows: ConfusionRow[];
  /** Samples predicted as each class (column totals). */
  columnTotals: number[];
  total: number;
  correct: number;
  /** correct / total; NaN when there are no samples. */
  accuracy: number;
  /** The colour scale's domain: 0 to the largest count. */
  colourDomain: [number, number];
}

/** The colour scale of the cells: white-ish at 0, deep blue at the largest count (at least 1, so an empty matrix is pale). */
export function confusionColourDomain(confusion: readonly (readonly number[])[]): [number, number] {
  const largest = Math.max(0, ...confusion.flat());
  return [0, Math.max(1, largest)];
}

/**
 * Builds the table of confusion[t][p] (test samples of true class t predicted as p): rows are true classes, columns
 * predicted ones, with row and column totals and the accuracy (the diagonal over all).
 * @throws Error when the matrix is not square with one row per class.
 */
export function confusionTable(classes: readonly string[], confusion: readonly (readonly number[])[]): ConfusionTableModel {
  const n = classes.length;
  if (confusion.length !== n || confusion.some((row) => row.length !== n)) {
    throw new Error(`the confusion matrix must be ${n}×${n}, one row and column per class`);
  }
  const colourDomain = confusionColourDomain(confusion);
  const colour = scaleSequential(interpolateBlues).domain([colourDomain[0] - colourDomain[1] * 0.08, colourDomain[1]]);
  let correct = 0;
  const rows = confusion.map((counts, truth) => {
    const total = counts.reduce((a, b) => a + b, 0);
    const cells = counts.map((count, predicted) => {
      if (truth === predicted) correct += count;
      return {
        truth,
        predicted,
        count,
        rowShare: total > 0 ? count / total : 0,
        correct: truth === predicted,
        fill: colour(count),
        dark: count / colourDomain[1] > 0.55,
      };
    });
    return { truth, label: classes[truth]!, cells, total };
  });
  const columnTotals = classes.map((_, p) => confusion.reduce((sum, row) => sum + row[p]!, 0));
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  return { classes: [...classes], rows, columnTotals, total, correct, accuracy: total > 0 ? correct / total : Number.NaN, colourDomain };
}
