// The error curve made safe for a log axis (plain Node): zero errors clamped to a named floor, labels of decades.
import { describe, expect, it } from 'vitest';
import { bestEpsilon, clampErrorCurve, DEFAULT_ERROR_FLOOR, errorFloor, formatDecade, formatNumber } from '../../../renderer/gradients/logErrorAxis.js';

describe('errorFloor', () => {
  it('starts the axis at the power of ten under the smallest error when no error is 0', () => {
    expect(errorFloor([3e-11, 2e-6, 0.01])).toBe(1e-11);
  });

  it('puts zero errors a decade under the smallest positive one, and never above 1e-17', () => {
    expect(errorFloor([0, 3e-20, 1e-3])).toBe(1e-21);
    expect(errorFloor([0, 2e-12])).toBe(DEFAULT_ERROR_FLOOR);
  });

  it('uses 1e-17 when every error is 0', () => {
    expect(errorFloor([0, 0, 0])).toBe(DEFAULT_ERROR_FLOOR);
  });
});

describe('clampErrorCurve', () => {
  it('draws zero errors on the floor, marked as clamped, and counts them', () => {
    const curve = clampErrorCurve(new Float64Array([1e-8, 1e-4, 1]), new Float64Array([0, 1e-9, 0.1]));
    expect(curve.floor).toBe(1e-17);
    expect(curve.clampedCount).toBe(1);
    expect(curve.points).toEqual([
      { epsilon: 1e-8, error: 1e-17, clamped: true },
      { epsilon: 1e-4, error: 1e-9, clamped: false },
      { epsilon: 1, error: 0.1, clamped: false },
    ]);
  });

  it('leaves out points a log scale cannot place: a NaN error or a non-positive epsilon', () => {
    const curve = clampErrorCurve([0, 1e-3, 1e-2], [1e-5, Number.NaN, 1e-4]);
    expect(curve.points.map((p) => p.epsilon)).toEqual([1e-2]);
  });

  it('keeps every drawn error positive, so the log scale never sees 0', () => {
    const curve = clampErrorCurve([1e-14, 1e-7, 1], [0, 0, 0]);
    expect(curve.points.every((p) => p.error > 0)).toBe(true);
  });
});

describe('bestEpsilon', () => {
  it('finds the bottom of the V among errors that are not clamped', () => {
    const curve = clampErrorCurve([1e-10, 1e-5, 1e-3, 1], [1e-6, 1e-11, 0, 1e-2]);
    expect(bestEpsilon(curve.points)?.epsilon).toBe(1e-5);
  });
});

describe('formatDecade and formatNumber', () => {
  it('writes powers of ten as the exercise does and other numbers plainly', () => {
    expect([1e-14, 1e-3, 1e-1, 1].map(formatDecade)).toEqual(['1e-14', '1e-3', '1e-1', '1']);
    expect(formatDecade(0.5)).toBe('0.5');
    expect([0.001, 0.25, 1e-7, 2.5e-7, 12345].map(formatNumber)).toEqual(['0.001', '0.25', '1e-7', '2.5e-7', '1.2e4']);
  });
});
