// Tests reading labelled CSV files: the shipped data sets, label columns, and every bad-input message.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLabelledCsv } from '../../../engine/data/labelledCsv.js';

const asset = (name: string) => readFileSync(new URL(`../../../assets/${name}`, import.meta.url), 'utf8');

describe('parseLabelledCsv', () => {
  it('reads the digits file: 1797 rows, 64 features, classes 0..9 in numeric order', () => {
    const table = parseLabelledCsv(asset('digits.csv'));
    expect(table.size).toBe(1797);
    expect(table.featureNames).toHaveLength(64);
    expect(table.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(Array.from(table.labels.slice(0, 3))).toEqual([0, 1, 2]);
    expect(table.features[2]).toBe(5);
  });

  it('keeps text labels in order of first appearance and takes a named label column', () => {
    const table = parseLabelledCsv('a,kind,b\n1,cat,2\n3,dog,4\n5,cat,6\n7,dog,8\n', 'kind');
    expect(table.featureNames).toEqual(['a', 'b']);
    expect(table.classes).toEqual(['cat', 'dog']);
    expect(Array.from(table.features)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(table.labels)).toEqual([0, 1, 0, 1]);
  });

  it('handles quoted cells, CRLF line ends, a byte-order mark and a trailing blank line', () => {
    const table = parseLabelledCsv('\uFEFF"x","label"\r\n1,"a, b"\r\n2,c\r\n3,c\r\n4,"a, b"\r\n\r\n');
    expect(table.classes).toEqual(['a, b', 'c']);
    expect(table.size).toBe(4);
  });

  it('names the row and column of a value that is not a number', () => {
    expect(() => parseLabelledCsv('a,b,label\n1,2,x\n3,oops,y\n1,1,x\n2,2,y\n')).toThrow('row 3, column 2 (b): "oops" is not a number');
    expect(() => parseLabelledCsv('a,b,label\n1,,x\n3,4,y\n1,1,x\n2,2,y\n')).toThrow('row 2, column 2 (b): "" is not a number');
  });

  it('names a ragged row', () => {
    expect(() => parseLabelledCsv('a,b,label\n1,2,x\n3,y\n')).toThrow('row 3 has 2 values but the header names 3 columns');
  });

  it('refuses a single class, too few rows, an empty file and an unknown label column', () => {
    expect(() => parseLabelledCsv('a,label\n1,x\n2,x\n3,x\n4,x\n')).toThrow('every row has the label "x"; a classifier needs at least two classes');
    expect(() => parseLabelledCsv('a,label\n1,x\n2,y\n')).toThrow('the table has 2 data rows; at least 4 are needed');
    expect(() => parseLabelledCsv('')).toThrow('the file is empty');
    expect(() => parseLabelledCsv('a,b\n1,x\n', 'class')).toThrow('no column is named "class"; the columns are a, b');
    expect(() => parseLabelledCsv('label\nx\n')).toThrow('names one column');
  });

  it('reads a table of integers as the general reader does, down to the labels, row errors and blank lines', () => {
    // A quoted header name reads the same but sends the whole file through the general (cell by cell) reader.
    const quoted = (text: string) => text.replace(/^(\w+)/, '"$1"');
    const outcome = (text: string, column?: string) => {
      try {
        return parseLabelledCsv(text, column);
      } catch (error) {
        return (error as Error).message;
      }
    };
    const tables = [
      asset('digits.csv'),
      asset('digits.csv').replaceAll('\r\n', '\n'),
      'a,b,label\n1,2,10\n3,4,9\n5,6,10\n7,8,2\n',
      'label,a,b\n0,1,2\n1,3,4\n0,5,6\n1,7,8',
      'a,b,label\n1,2,0\n3,4,1\n\n5,6,0\n7,8,1\n\n',
      'a,b,label\n1,2,00\n3,4,1\n5,6,0\n7,8,1\n',
      'a,b,label\n1,2,0\n3,4,1\n5,6,0\n1234567890123456789,8,1\n',
    ];
    for (const text of tables) {
      for (const column of [undefined, 'label', 'a']) expect(outcome(text, column)).toEqual(outcome(quoted(text), column));
    }
    const ragged = 'a,b,label\n1,2,0\n3,4\n5,6,0\n7,8,1\n';
    expect(() => parseLabelledCsv(ragged)).toThrow('row 3 has 2 values but the header names 3 columns');
    expect(() => parseLabelledCsv('a,b,label\n1,,0\n3,4,1\n5,6,0\n7,8,1\n')).toThrow('row 2, column 2 (b): "" is not a number');
  });
});
