// A first look at a CSV file the user picked (renderer): its header, row count and how many classes a label column holds.
import { csvParseRows } from 'd3';

export interface CsvPreview {
  /** The column names of row 1, trimmed. */
  header: string[];
  /** Data rows (the header and blank lines not counted). */
  rows: number;
  /** The label column this preview counted classes in. */
  labelColumn: string;
  /** Distinct non-empty values in the label column. */
  classes: number;
}

/**
 * Reads the header and counts the label column's distinct values (default: the last column). Whether every other
 * cell is a number is left to the engine, whose message names the row and column.
 */
export function previewCsv(text: string, labelColumn?: string | null): CsvPreview | { error: string } {
  const rows = csvParseRows(text.replace(/^\uFEFF/, ''));
  const header = rows[0]?.map((name) => name.trim()) ?? [];
  if (header.every((name) => name === '')) return { error: 'The file is empty: it needs a header row, then one row per sample' };
  if (header.length < 2) return { error: 'Row 1 (the header) names one column; a table needs feature columns and a label column' };
  const label = labelColumn && header.includes(labelColumn) ? labelColumn : header.at(-1)!;
  const index = header.indexOf(label);
  const classes = new Set<string>();
  let count = 0;
  for (const cells of rows.slice(1)) {
    if (cells.length === 1 && cells[0]!.trim() === '') continue;
    count += 1;
    const value = cells[index]?.trim();
    if (value) classes.add(value);
  }
  return { header, rows: count, labelColumn: label, classes: classes.size };
}
