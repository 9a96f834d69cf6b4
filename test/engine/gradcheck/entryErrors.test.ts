// A gradient check reports each entry's relative error in the gradient's shape, so the exercise's broken db shows in every entry of db and nowhere in dW.
import { describe, expect, it } from 'vitest';
import { entryErrors } from '../../../engine/gradcheck/checkGradient.js';
import { runGradcheck } from '../../../engine/gradcheck/runGradcheck.js';

describe("a gradient check's per-entry errors", () => {
  it('are |g − g_num| / (|g| + |g_num|), and 0 where both are 0', () => {
    expect(Array.from(entryErrors(Float64Array.of(1, 0, -2), Float64Array.of(3, 0, -2)))).toEqual([0.5, 0, 0]);
  });

  it("put the exercise's db bug in every entry of db, and leave dW and dx below the exercise's 1e-5", () => {
    const result = runGradcheck({ subject: { kind: 'layer', layer: { type: 'linear', units: 7 }, inputs: 5, rows: 3 }, variant: 'exercise-db', seed: 1 });
    const byName = Object.fromEntries(result.checks.map((check) => [check.name, check]));
    expect(byName.dW!.shape).toEqual([5, 7]);
    expect(byName.db!.shape).toEqual([7]);
    expect(byName.dx!.shape).toEqual([3, 5]);
    for (const name of ['dW', 'dx']) expect(Math.max(...byName[name]!.entries!), name).toBeLessThan(1e-5);
    expect(byName.db!.entries).toHaveLength(7);
    expect(Math.min(...byName.db!.entries!)).toBeGreaterThan(1e-2);
  });
});
