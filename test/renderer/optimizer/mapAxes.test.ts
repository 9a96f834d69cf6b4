// The map's axes and checks (plain Node): log-spaced rounded step sizes, decays, the work limit at the steps, positions of settings on the map.
import { describe, expect, it } from 'vitest';
import { cellPosition, DEFAULT_MAP, evenlySpacedValues, logSpacedValues, validateMap } from '../../../renderer/optimizer/mapAxes.js';

describe('the map axes', () => {
  it('spaces step sizes on a log scale rounded to 3 digits, ends exact, and decays evenly', () => {
    const steps = logSpacedValues(0.01, 1, 25);
    expect(steps).toHaveLength(25);
    expect(steps[0]).toBe(0.01);
    expect(steps[12]).toBe(0.1);
    expect(steps[24]).toBe(1);
    expect(steps[1]).toBe(0.0121);
    expect(evenlySpacedValues(0.8, 1, 21)).toEqual(Array.from({ length: 21 }, (_, i) => Math.round((0.8 + i * 0.01) * 1e6) / 1e6));
    expect(logSpacedValues(0.5, 0.5, 3)).toEqual([0.5]);
  });

  it('checks the fields and the work limit, each message at its field', () => {
    expect(validateMap(DEFAULT_MAP, 100).ok).toBe(true);
    expect(validateMap({ ...DEFAULT_MAP, stepMax: 0.001 }, 100).errors).toEqual({ stepMax: 'The largest step size must be at least the smallest' });
    expect(validateMap({ ...DEFAULT_MAP, decayMin: 0 }, 100).errors.decayMin).toMatch(/above 0 and at most 1/);
    expect(validateMap({ ...DEFAULT_MAP, stepCount: 61 }, 100).errors.stepCount).toBe('A whole number from 1 to 60');
    expect(validateMap(DEFAULT_MAP, 10000).errors.steps).toBe(
      '25 × 21 runs of 10,000 steps are 5,250,000 steps; a map takes at most 4,000,000 — fewer values or fewer steps',
    );
  });

  it('places a setting between the cells it falls between, on a log scale for step sizes', () => {
    const steps = [0.01, 0.1, 1];
    expect(cellPosition(steps, 0.1, true)).toBe(1);
    expect(cellPosition(steps, 10 ** -1.5, true)).toBeCloseTo(0.5, 12);
    expect(cellPosition(steps, 2, true)).toBeUndefined();
    expect(cellPosition([0.8, 0.9, 1], 0.95, false)).toBeCloseTo(1.5, 12);
    expect(cellPosition([0.5], 0.5, false)).toBe(0);
  });
});
