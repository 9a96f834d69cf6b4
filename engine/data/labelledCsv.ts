// Reads a labelled CSV (a header row, numeric feature columns, one label column) with errors that name row and column; pure.
import { nameForMessage, quoteForMessage } from '../quoteForMessage.js';
import { csvRows } from './csvRows.js';

/** A classification table: `features` row-major size×featureNames.length, `labels` indexes into `classes`. */
export interface LabelledTable {
  featureNames: string[];
  labelName: string;
  classes: string[];
  size: number;
  features: Float64Array;
  labels: Int32Array;
}

/** Fewest rows a table may have to be split into a train and a test part. */
export const MIN_ROWS = 4;

/**
 * Parses CSV text whose first row names the columns. The label column is `labelColumn` if given, else the last.
 * Classes are sorted numerically when every label is a number, else kept in order of first appearance.
 * Rows are counted as a spreadsheet shows them: the header is row 1.
 * @throws Error naming the row and column of a ragged row or a value that is not a number, a single class, too few rows.
 */
export function parseLabelledCsv(text: string, labelColumn?: string): LabelledTable {
  const rows = csvRows(text.replace(/^\uFEFF/, ''));
  const header = rows[0]?.map((name) => name.trim());
  if (!header || header.every((name) => name === '')) throw new Error('the file is empty: it needs a header row, then one row per sample');
  if (header.length < 2) throw new Error('row 1 (the header) names one column; a table needs at least one feature column and a label column');
  const labelIndex = labelColumn === undefined ? header.length - 1 : header.indexOf(labelColumn);
  if (labelIndex < 0) {
    const shown = header.slice(0, 20).map(nameForMessage).join(', ');
    throw new Error(
      `no column is named ${quoteForMessage(labelColumn!)}; the columns are ${shown}${header.length > 20 ? `, … (${header.length} in all)` : ''}`,
    );
  }
  const featureNames = header.filter((_, c) => c !== labelIndex);

  const columns = header.length;
  const values = new Float64Array(Math.max(0, rows.length - 1) * (columns - 1));
  let filled = 0;
  const labelTexts: string[] = [];
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r]!;
    if (cells.length === 1 && cells[0]!.trim() === '') continue;
    if (cells.length !== columns) throw new Error(`row ${r + 1} has ${cells.length} values but the header names ${columns} columns`);
    for (let c = 0; c < columns; c++) {
      const text = cells[c]!.trim();
      if (c === labelIndex) {
        if (text === '') throw new Error(`row ${r + 1}, column ${c + 1} (${nameForMessage(header[c]!)}): the label is empty`);
        labelTexts.push(text);
        continue;
      }
      const value = Number(text);
      if (text === '' || !Number.isFinite(value))
        throw new Error(`row ${r + 1}, column ${c + 1} (${nameForMessage(header[c]!)}): ${quoteForMessage(text)} is not a number`);
      values[filled++] = value;
    }
  }

  const size = labelTexts.length;
  if (size < MIN_ROWS) throw new Error(`the table has ${size} data row${size === 1 ? '' : 's'}; at least ${MIN_ROWS} are needed to train and test`);
  const classes = [...new Set(labelTexts)];
  if (classes.length < 2) throw new Error(`every row has the label ${quoteForMessage(classes[0]!)}; a classifier needs at least two classes`);
  if (classes.every((c) => Number.isFinite(Number(c)))) classes.sort((a, b) => Number(a) - Number(b));
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  return {
    featureNames,
    labelName: header[labelIndex]!,
    classes,
    size,
    features: values.slice(0, filled),
    labels: Int32Array.from(labelTexts, (t) => classIndex.get(t)!),
  };
}
