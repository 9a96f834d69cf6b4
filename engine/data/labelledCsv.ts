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
  /** The features after the 'global' normalisation, when they were normalised ahead (the build's copy of a shipped table). */
  globallyNormalised?: Float64Array;
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
  const unmarked = text.replace(/^\uFEFF/, '');
  const integers = integerTable(unmarked, labelColumn);
  if (integers) return integers;
  const rows = csvRows(unmarked);
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

  return labelledTable(featureNames, header[labelIndex]!, values.slice(0, filled), labelTexts);
}

/** The table of the feature values and label texts read: its classes, and each row's class; throws for too few rows or a single class. */
function labelledTable(featureNames: string[], labelName: string, features: Float64Array, labelTexts: string[]): LabelledTable {
  const size = labelTexts.length;
  if (size < MIN_ROWS) throw new Error(`the table has ${size} data row${size === 1 ? '' : 's'}; at least ${MIN_ROWS} are needed to train and test`);
  const classes = [...new Set(labelTexts)];
  if (classes.length < 2) throw new Error(`every row has the label ${quoteForMessage(classes[0]!)}; a classifier needs at least two classes`);
  if (classes.every((c) => Number.isFinite(Number(c)))) classes.sort((a, b) => Number(a) - Number(b));
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  return { featureNames, labelName, classes, size, features, labels: Int32Array.from(labelTexts, (t) => classIndex.get(t)!) };
}

/** What cells of short integers never hold: a character other than a digit, a comma or a line feed (CR LF is read as LF before). */
const NOT_DIGITS = /[^\d,\n]/;
/** A number of 16 digits or more, which a double may not hold exactly. */
const LONG_NUMBER = /\d{16}/;

/**
 * The table of a file without quotes whose cells after the header are short integers written without leading zeros (the
 * digits), read by the runtime's JSON parser into one array per row: the very values and label texts the general
 * reader gives, without a string per cell for a process that has just started to make and collect. Undefined for any
 * other file (the general reader then reads it, or says what is wrong with it).
 */
function integerTable(text: string, labelColumn: string | undefined): LabelledTable | undefined {
  if (text.includes('"')) return undefined;
  const lf = text.includes('\r') ? text.replaceAll('\r\n', '\n') : text;
  const headerEnd = lf.indexOf('\n');
  if (headerEnd < 0) return undefined;
  const header = lf
    .slice(0, headerEnd)
    .split(',')
    .map((name) => name.trim());
  const body = lf.endsWith('\n') ? lf.slice(headerEnd + 1, -1) : lf.slice(headerEnd + 1);
  const labelIndex = labelColumn === undefined ? header.length - 1 : header.indexOf(labelColumn);
  if (header.length < 2 || labelIndex < 0 || header.every((name) => name === '') || body === '') return undefined;
  if (NOT_DIGITS.test(body) || LONG_NUMBER.test(body)) return undefined;
  let rows: unknown;
  try {
    // Empty cells, empty lines and leading zeros are not JSON: those files take the general reader.
    rows = JSON.parse(`[[${body.replaceAll('\n', '],[')}]]`);
  } catch {
    return undefined;
  }
  const lines = rows as number[][];
  const columns = header.length;
  const features = new Float64Array(lines.length * (columns - 1));
  const labelTexts = new Array<string>(lines.length);
  for (let r = 0; r < lines.length; r++) {
    const cells = lines[r]!;
    if (cells.length !== columns) return undefined;
    labelTexts[r] = String(cells.splice(labelIndex, 1)[0]);
    features.set(cells, r * (columns - 1));
  }
  return labelledTable(
    header.filter((_, c) => c !== labelIndex),
    header[labelIndex]!,
    features,
    labelTexts,
  );
}
