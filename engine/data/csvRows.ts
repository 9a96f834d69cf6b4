// Splits CSV text (RFC 4180: quoted fields, doubled quotes, LF, CRLF or CR line ends) into rows of cells; pure, any process.

const QUOTE = 34;
const COMMA = 44;
const NEWLINE = 10;
const RETURN = 13;

/**
 * The rows of `text`, each a list of its cells as written (quotes removed, `""` read as `"`). A final line end adds no
 * row; an empty line in the middle is a row of one empty cell. Empty text has no rows.
 */
export function csvRows(text: string): string[][] {
  if (text.length > 0 && !text.includes('"')) return unquotedRows(text);
  const rows: string[][] = [];
  const length = text.length;
  if (length === 0) return rows;
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let cell: string;
    let end = i;
    if (text.charCodeAt(i) === QUOTE) {
      let j = i + 1;
      let parts = '';
      let from = j;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close < 0) {
          parts += text.slice(from);
          j = length;
          break;
        }
        if (text.charCodeAt(close + 1) === QUOTE) {
          parts += text.slice(from, close + 1);
          j = close + 2;
          from = j;
          continue;
        }
        parts += text.slice(from, close);
        j = close + 1;
        break;
      }
      cell = parts;
      end = j;
      while (end < length) {
        const c = text.charCodeAt(end);
        if (c === COMMA || c === NEWLINE || c === RETURN) break;
        end++;
      }
    } else {
      while (end < length) {
        const c = text.charCodeAt(end);
        if (c === COMMA || c === NEWLINE || c === RETURN) break;
        end++;
      }
      cell = text.slice(i, end);
    }
    row.push(cell);
    if (end >= length) {
      rows.push(row);
      return rows;
    }
    const c = text.charCodeAt(end);
    i = end + 1;
    if (c === COMMA) continue;
    if (c === RETURN && text.charCodeAt(i) === NEWLINE) i++;
    rows.push(row);
    row = [];
    if (i >= length) return rows;
  }
}

/**
 * The rows of text without a quote, split by the runtime's own string functions: the same rows as the scan above, read
 * several times faster by a process that has just started (its loops are not compiled yet; these functions are).
 */
function unquotedRows(text: string): string[][] {
  const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const rows = new Array<string[]>(lines.length);
  for (let r = 0; r < lines.length; r++) rows[r] = lines[r]!.split(',');
  return rows;
}
