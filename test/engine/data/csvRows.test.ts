import { csvParseRows } from 'd3';
import { describe, expect, it } from 'vitest';
import { readAssetText } from '../../../engine/data/assetFiles.js';
import { csvRows } from '../../../engine/data/csvRows.js';

const CASES = [
  '',
  'a',
  'a,b\n1,2',
  'a,b\n1,2\n',
  'a,b\r\n1,2\r\n',
  'a,b\r1,2\r',
  'a,b\n\n1,2\n',
  'a,b\r\r\n1,2\n\n\n',
  '\n',
  ' 1 , 2 \r\n3,4',
  'a,,b\n,,\n',
  ',\n',
  '"a","b"\n"1,5","say ""hi"""\n',
  '"multi\nline",2\n',
  '"open',
  'a,"b"\r\nc,d',
  '"",""\n',
  '\n',
  '\n\n',
  'a\n\n',
  'x, y ,z\n 1 , 2,3',
];

describe('csvRows', () => {
  it.each(CASES)('splits %j into the same rows as d3-dsv', (text) => {
    expect(csvRows(text)).toEqual(csvParseRows(text));
  });

  it.each(['digits.csv', 'iris.csv', 'wine.csv', 'breast_cancer.csv'])('splits the shipped %s into the same rows as d3-dsv', (name) => {
    const text = readAssetText(name);
    expect(csvRows(text)).toEqual(csvParseRows(text));
  });

  it('splits the shipped digits table into the same rows as d3-dsv', () => {
    const text = readAssetText('digits.csv');
    expect(csvRows(text)).toEqual(csvParseRows(text));
  });
});
