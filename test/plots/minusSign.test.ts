// Negative numbers in legends and axes (plain Node): every label writer gives the minus sign d3-format gives, never a hyphen.
import { format } from 'd3';
import { describe, expect, it } from 'vitest';
import { MINUS_SIGN, withMinusSign } from '../../plots/minusSign.js';
import { distinctLabels } from '../../renderer/analysis/landscapeGeometry.js';
import { shortValue } from '../../renderer/analysis/traceLayers.js';
import { shortNumber } from '../../renderer/optimizer/runLabels.js';

describe('withMinusSign', () => {
  it("writes a negative number's hyphen as the minus sign d3-format writes, and leaves the rest alone", () => {
    expect(format('.2~g')(-0.5)).toBe(`${MINUS_SIGN}0.5`);
    expect(withMinusSign('-0.5')).toBe(`${MINUS_SIGN}0.5`);
    expect(withMinusSign('1.2e-5')).toBe('1.2e-5');
    expect(withMinusSign('0')).toBe('0');
  });

  it('gives the same minus sign in the weight legends, the landscape legend and the optimizer labels', () => {
    expect(shortValue(-0.123456)).toBe('−0.123');
    expect(shortValue(-0.0000123)).toBe('−1.23e-5');
    expect(distinctLabels([-2.5, 0, 1.25])).toEqual(['−2.5', '0', '1.25']);
    expect(shortNumber(-2.5)).toBe('−2.5');
  });
});
