// The learning curve's log scale (plain Node): no offset while f stays above 0, else one that lifts the lowest f just above 0.
import { describe, expect, it } from 'vitest';
import { logCurve, logDomain } from '../../../renderer/optimizer/curveScale.js';

describe('logCurve', () => {
  it('adds nothing while every f is above 0', () => {
    expect(
      logCurve([
        [
          { x: 0, y: 24 },
          { x: 1, y: 0.5 },
        ],
      ]),
    ).toEqual({ offset: 0, label: 'f(x, y), log scale' });
  });

  it('offsets f that goes below 0 so its lowest value sits a millionth of the range above 0, and says so on the axis', () => {
    const curve = [
      { x: 0, y: 24.0888 },
      { x: 1, y: -2.2807 },
    ];
    const { offset, label } = logCurve([curve]);
    expect(offset).toBeCloseTo(2.2807 + 26.3695e-6, 12);
    expect(label).toBe('f(x, y) + 2.28, log scale');
    expect(-2.2807 + offset).toBeGreaterThan(0);
  });

  it('spans the positive values a little wider', () => {
    expect(
      logDomain([
        [
          { x: 0, y: 1 },
          { x: 1, y: 100 },
          { x: 2, y: -1 },
        ],
      ]),
    ).toEqual([1 / 1.2, 120]);
    expect(logDomain([])).toEqual([1e-3, 1]);
  });
});
