// The training path projected onto the landscape's plane by least squares.
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../../engine/landscape/projectPath.js';
import { createRandom } from '../../../engine/random.js';

const vector = (length: number, seed: number) => {
  const random = createRandom(seed);
  return Float64Array.from({ length }, () => random.next() * 2 - 1);
};

describe('projectPath', () => {
  const theta = vector(30, 1);
  const delta = vector(30, 2);
  const eta = vector(30, 3);

  it('recovers the coordinates of points in the plane, and places θ itself at (0, 0)', () => {
    const inPlane = theta.map((value, i) => value + 0.3 * delta[i]! - 0.7 * eta[i]!);
    const { alpha, beta } = projectPath([inPlane, theta], theta, delta, eta);
    expect(alpha[0]).toBeCloseTo(0.3, 12);
    expect(beta[0]).toBeCloseTo(-0.7, 12);
    expect([alpha[1], beta[1]]).toEqual([0, 0]);
  });

  it('drops the part of a displacement that is orthogonal to both directions', () => {
    // a vector orthogonal to δ and η: remove its projection onto their span
    const noise = vector(30, 4);
    const { alpha: a, beta: b } = projectPath([theta.map((value, i) => value + noise[i]!)], theta, delta, eta);
    const orthogonal = noise.map((value, i) => value - a[0]! * delta[i]! - b[0]! * eta[i]!);
    const point = theta.map((value, i) => value + 2 * delta[i]! + orthogonal[i]!);
    const { alpha, beta } = projectPath([point], theta, delta, eta);
    expect(alpha[0]).toBeCloseTo(2, 12);
    expect(beta[0]).toBeCloseTo(0, 12);
  });

  it('refuses parallel directions and points of the wrong length', () => {
    expect(() =>
      projectPath(
        [theta],
        theta,
        delta,
        delta.map((value) => 2 * value),
      ),
    ).toThrow(/parallel/);
    expect(() => projectPath([vector(29, 5)], theta, delta, eta)).toThrow(/path point 0 has 29 values/);
  });
});
