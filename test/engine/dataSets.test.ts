// The digits data, parsed from the shipped CSV and prepared as the exercise prepares it.
import { describe, expect, it } from 'vitest';
import { readAssetText } from '../../engine/data/assetFiles.js';
import { normaliseGlobally, parseDigitsCsv, prepareDigits } from '../../engine/data/dataSets.js';
import { parseNumericCsv } from '../../engine/data/parseCsv.js';
import { createRandom } from '../../engine/random.js';

const table = parseDigitsCsv(readAssetText('digits.csv'));

describe('the digits data', () => {
  it('has 1797 samples of 64 pixels and labels 0..9', () => {
    expect(table.size).toBe(1797);
    expect(table.pixels.length).toBe(1797 * 64);
    expect(new Set(table.labels)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
  });

  it('is normalised by the global mean and standard deviation of all pixels', () => {
    const normalised = normaliseGlobally(table.pixels);
    const mean = normalised.reduce((a, b) => a + b, 0) / normalised.length;
    const variance = normalised.reduce((a, b) => a + (b - mean) ** 2, 0) / normalised.length;
    expect(Math.abs(mean)).toBeLessThan(1e-12);
    expect(variance).toBeCloseTo(1, 10);
  });

  it('splits 50/50 into floor(n/2) training samples with digit < 5 as the binary target', () => {
    const data = prepareDigits('digits-binary', table, 0.5, createRandom(1));
    expect([data.train.size, data.test.size]).toEqual([898, 899]);
    expect([data.inputs, data.outputs]).toEqual([64, 1]);
    data.train.labels.forEach((label, i) => expect(data.train.targets[i]).toBe(label < 5 ? 1 : 0));
  });

  it('gives one-hot targets for the 10 classes', () => {
    const data = prepareDigits('digits', table, 0.5, createRandom(1));
    expect(data.outputs).toBe(10);
    const label = data.test.labels[3]!;
    expect(Array.from(data.test.targets.subarray(30, 40))).toEqual(Array.from({ length: 10 }, (_, j) => (j === label ? 1 : 0)));
  });

  it('shuffles by seed: the same seed gives the same split, another seed another', () => {
    const split = (seed: number) => Array.from(prepareDigits('digits-binary', table, 0.5, createRandom(seed)).train.labels.slice(0, 50));
    expect(split(1)).toEqual(split(1));
    expect(split(1)).not.toEqual(split(2));
  });
});

describe('parseNumericCsv', () => {
  it('names the line and column of a value that is not a number, and of a ragged row', () => {
    expect(() => parseNumericCsv('a,b\n1,2\n3,x\n')).toThrow('line 3, column 2 (b): "x" is not a number');
    expect(() => parseNumericCsv('a,b\n1,2,3\n')).toThrow('line 2 has 3 values but the header names 2 columns');
  });
});
