// The step-size × decay map's geometry (plain Node): its step-size ticks stay apart over any range, its cells' colours follow the theme.
import { describe, expect, it } from 'vitest';
import type { SurfaceMapResult } from '../../../engine/protocol/stepDecayMap.js';
import { COLOURS, DARK_COLOURS } from '../../../plots/theme.js';
import { logSpacedValues } from '../../../renderer/optimizer/mapAxes.js';
import { mapGeometry } from '../../../renderer/optimizer/mapGeometry.js';

/** A map of `steps` step sizes × 3 decays whose runs above step size 10 diverged at step 1. */
function map(from: number, to: number, steps: number): SurfaceMapResult {
  const stepSizes = Float64Array.from(logSpacedValues(from, to, steps));
  const decays = Float64Array.from([0.8, 0.9, 1]);
  const cells = stepSizes.length * decays.length;
  const diverged = Float64Array.from({ length: cells }, (_, cell) => (stepSizes[cell % stepSizes.length]! > 10 ? 1 : 0));
  const finalValue = Float64Array.from({ length: cells }, (_, cell) => (diverged[cell] ? Number.NaN : cell / 10));
  return {
    type: 'surface.mapResult',
    requestId: 'map-1',
    stepSizes,
    decays,
    finalValue,
    lowestValue: finalValue,
    divergedAt: diverged,
    stepsToBest: Float64Array.from({ length: cells }, () => -1),
    bestValue: 0,
    epsilon: 1e-3,
  };
}

/** The least room between two neighbouring ticks' centres, less half of each label (about 6.4 px a character). */
function leastGap(ticks: { label: string; offset: number }[]): number {
  let least = Infinity;
  for (let i = 1; i < ticks.length; i++)
    least = Math.min(least, ticks[i]!.offset - ticks[i - 1]!.offset - ((ticks[i]!.label.length + ticks[i - 1]!.label.length) / 2) * 6.4);
  return least;
}

describe('mapGeometry', () => {
  it('marks the step sizes 1, 2 and 5 of each decade over a range of two decades', () => {
    const geometry = mapGeometry(map(0.01, 1, 25), 'final', 500);
    expect(geometry.xTicks.map((t) => t.label)).toEqual(['0.01', '0.02', '0.05', '0.1', '0.2', '0.5', '1']);
  });

  it('leaves out step-size ticks whose labels would run together over hundreds of decades in few cells', () => {
    const geometry = mapGeometry(map(0.01, 1e300, 10), 'final', 240);
    expect(geometry.xTicks.length).toBeGreaterThan(1);
    expect(geometry.xTicks.length).toBeLessThan(12);
    expect(leastGap(geometry.xTicks)).toBeGreaterThanOrEqual(8);
    expect(geometry.xTicks[0]!.label).toBe('0.01');
  });

  it("paints diverged cells in the theme's colour", () => {
    const light = mapGeometry(map(0.01, 1e300, 10), 'final', 240);
    const dark = mapGeometry(map(0.01, 1e300, 10), 'final', 240, DARK_COLOURS);
    expect(light.cells.filter((c) => c.kind === 'diverged').every((c) => c.fill === COLOURS.diverged)).toBe(true);
    expect(dark.cells.filter((c) => c.kind === 'diverged').map((c) => c.fill)).toEqual(Array(9 * 3).fill(DARK_COLOURS.diverged));
  });
});
