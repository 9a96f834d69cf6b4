// Parses a numeric CSV text (a header row, then numbers) into a row-major table; pure, any process.

/** A numeric table: `values` is row-major rows×columns. */
export interface NumericTable {
  header: string[];
  rows: number;
  columns: number;
  values: Float64Array;
}

/**
 * Parses comma-separated numbers under a header row; blank lines are skipped.
 * @throws Error naming the line and column of a ragged row or a value that is not a number.
 */
export function parseNumericCsv(text: string): NumericTable {
  const lines = text.split(/\r?\n/);
  const headerLine = lines.findIndex((line) => line.trim() !== '');
  if (headerLine < 0) throw new Error('the CSV file is empty');
  const header = lines[headerLine]!.split(',').map((name) => name.trim());
  const columns = header.length;
  const numbers: number[] = [];
  let rows = 0;
  for (let l = headerLine + 1; l < lines.length; l++) {
    const line = lines[l]!;
    if (line.trim() === '') continue;
    const cells = line.split(',');
    if (cells.length !== columns) {
      throw new Error(`line ${l + 1} has ${cells.length} values but the header names ${columns} columns`);
    }
    for (let c = 0; c < columns; c++) {
      const cell = cells[c]!.trim();
      const value = Number(cell);
      if (cell === '' || !Number.isFinite(value)) {
        throw new Error(`line ${l + 1}, column ${c + 1} (${header[c]}): ${JSON.stringify(cell)} is not a number`);
      }
      numbers.push(value);
    }
    rows++;
  }
  if (rows === 0) throw new Error('the CSV file has a header but no rows');
  return { header, rows, columns, values: Float64Array.from(numbers) };
}
