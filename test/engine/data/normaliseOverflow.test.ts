// Standardisation of huge values: values near 1e300 standardise as their small counterparts do, and a column that cannot is refused by name.
import { describe, expect, it } from 'vitest';
import { parseLabelledCsv } from '../../../engine/data/labelledCsv.js';
import { normalise } from '../../../engine/data/normalise.js';
import { prepareTable } from '../../../engine/data/dataSets.js';
import { createRandom } from '../../../engine/random.js';

describe('standardisation of huge values', () => {
  it('gives values near 1e300 the same standardised values as 1, 2, 3, 4 (none of them 0)', () => {
    const small = new Float64Array([1, 2, 3, 4]);
    const huge = small.map((v) => v * 1e300);
    normalise('standardize', small, small, new Float64Array(0), 1);
    normalise('standardize', huge, huge, new Float64Array(0), 1);
    for (let i = 0; i < 4; i++) expect(huge[i]).toBeCloseTo(small[i]!, 12);
    expect(huge.every((v) => v !== 0)).toBe(true);
  });

  it('refuses a column whose distances from its mean overflow a double, naming the column', () => {
    const train = new Float64Array([0, 1.7e308, 5, 1.7e308, 7, -1.7e308]);
    expect(() => normalise('standardize', train, train, new Float64Array(0), 2, ['mass', 'distance'])).toThrow(
      /^column distance: its values are too large to normalise .*choose the normalisation none/,
    );
  });

  it('refuses it through the data preparation too, so a CSV file gets the message', () => {
    const table = parseLabelledCsv('a,b,label\n1,1.7e308,x\n2,1.7e308,y\n3,1.7e308,x\n4,-1.7e308,y\n5,1.7e308,x\n6,1.7e308,y\n');
    expect(() => prepareTable('table.csv', table, 0.5, 'standardize', createRandom(1))).toThrow(/column b: its values are too large/);
    expect(() => prepareTable('table.csv', table, 0.5, 'none', createRandom(1))).not.toThrow();
  });
});
