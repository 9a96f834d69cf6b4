// The table of classes a run on image data ends with: each class by name, its test samples and the share predicted right (Node, the CLI process).

/** One class of the table, with snake_case names as metrics.json has them. */
export interface ClassRow {
  label: number;
  name: string;
  test_samples: number;
  test_accuracy: number;
}

/** The rows of the table from the classes and the confusion matrix (confusion[t][p]: samples of class t predicted as p). */
export function classRows(classes: readonly string[], confusion: readonly (readonly number[])[]): ClassRow[] {
  return classes.map((name, label) => {
    const row = confusion[label] ?? [];
    const samples = row.reduce((sum, count) => sum + count, 0);
    return { label, name, test_samples: samples, test_accuracy: samples > 0 ? (row[label] ?? 0) / samples : 0 };
  });
}

/** The table as the CLI prints it: a header, then one line per class. */
export function formatClassTable(rows: readonly ClassRow[]): string[] {
  const width = Math.max(5, ...rows.map((row) => row.name.length));
  return [
    `${'label'.padEnd(6)}${'class'.padEnd(width + 2)}test samples  test accuracy`,
    ...rows.map(
      (row) =>
        `${String(row.label).padEnd(6)}${row.name.padEnd(width + 2)}${String(row.test_samples).padStart(12)}  ${row.test_accuracy.toFixed(4).padStart(13)}`,
    ),
  ];
}
