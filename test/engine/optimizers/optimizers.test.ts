// Each optimizer's first steps on f(w) = ½·a·w² (gradient a·w), against values worked out by hand here; decay before each update.
import { describe, expect, it } from 'vitest';
import { plainKernels } from '../../../engine/kernels/plainKernels.js';
import { createOptimizer } from '../../../engine/optimizers/createOptimizer.js';
import { resolveOptimizerConfig, type OptimizerConfig } from '../../../engine/optimizers/optimizerConfig.js';

const A = 4;

/** Runs `steps` updates from w = 1 on the quadratic; returns w after each. */
function descend(config: OptimizerConfig | undefined, learningRate: number, steps: number, decay?: number): number[] {
  const value = Float64Array.of(1);
  const gradient = new Float64Array(1);
  const optimizer = createOptimizer(config, learningRate, decay, [{ name: 'w', shape: [value.length], value, gradient, decayed: false }]);
  const path: number[] = [];
  for (let i = 0; i < steps; i++) {
    gradient[0] = A * value[0]!;
    optimizer.step();
    path.push(value[0]!);
  }
  return path;
}

describe('optimizers', () => {
  it('SGD: w ← w − lr·a·w, i.e. w·(1 − lr·a) per step', () => {
    const path = descend(undefined, 0.1, 3);
    expect(path[0]).toBeCloseTo(0.6, 15);
    expect(path[1]).toBeCloseTo(0.36, 15);
    expect(path[2]).toBeCloseTo(0.216, 15);
  });

  it('SGD with decay 1 is bit for bit the plain update value += (−lr)·gradient', () => {
    const value = Float64Array.from([0.3, -1.7, 2.2]);
    const gradient = Float64Array.from([0.11, 0.7, -3.3]);
    const expected = value.slice();
    const optimizer = createOptimizer({ kind: 'sgd' }, 0.037, 1, [{ name: 'W', shape: [value.length], value, gradient, decayed: false }]);
    for (let i = 0; i < 5; i++) {
      plainKernels.addScaled(expected, gradient, -0.037, 3);
      optimizer.step();
    }
    expect(Array.from(value).map((v, i) => Object.is(v, expected[i]))).toEqual([true, true, true]);
  });

  it('multiplies the step size by the decay before each update, as the exercise does', () => {
    const path = descend(undefined, 0.1, 2, 0.5);
    // step 1 uses 0.05: w = 1 − 0.05·4 = 0.8; step 2 uses 0.025: w = 0.8 − 0.025·3.2 = 0.72
    expect(path[0]).toBeCloseTo(0.8, 15);
    expect(path[1]).toBeCloseTo(0.72, 15);
  });

  it('momentum: v ← μv + g, w ← w − lr·v', () => {
    const path = descend({ kind: 'momentum', momentum: 0.5 }, 0.1, 2);
    // v1 = 4, w1 = 0.6; g2 = 2.4, v2 = 2 + 2.4 = 4.4, w2 = 0.6 − 0.44 = 0.16
    expect(path[0]).toBeCloseTo(0.6, 15);
    expect(path[1]).toBeCloseTo(0.16, 15);
  });

  it('Nesterov: v ← μv + g, w ← w − lr·(g + μv)', () => {
    const path = descend({ kind: 'nesterov', momentum: 0.5 }, 0.1, 2);
    // v1 = 4, w1 = 1 − 0.1·(4 + 2) = 0.4; g2 = 1.6, v2 = 2 + 1.6 = 3.6, w2 = 0.4 − 0.1·(1.6 + 1.8) = 0.06
    expect(path[0]).toBeCloseTo(0.4, 15);
    expect(path[1]).toBeCloseTo(0.06, 15);
  });

  it('RMSProp: s ← ρs + (1 − ρ)g², w ← w − lr·g/(√s + ε)', () => {
    const path = descend({ kind: 'rmsprop', rho: 0.75, epsilon: 0 }, 0.1, 2);
    // s1 = 0.25·16 = 4, w1 = 1 − 0.1·4/2 = 0.8; g2 = 3.2, s2 = 3 + 0.25·10.24 = 5.56, w2 = 0.8 − 0.32/√5.56
    expect(path[0]).toBeCloseTo(0.8, 15);
    expect(path[1]).toBeCloseTo(0.8 - 0.32 / Math.sqrt(5.56), 15);
  });

  it('Adam: the bias correction makes the first step exactly lr·sign(g), then m̂/√v̂ from corrected moments', () => {
    const path = descend({ kind: 'adam', beta1: 0.5, beta2: 0.75, epsilon: 0 }, 0.1, 2);
    expect(path[0]).toBeCloseTo(0.9, 15);
    // g2 = 3.6; m2 = 0.5·2 + 0.5·3.6 = 2.8, m̂ = 2.8/0.75; v2 = 0.75·4 + 0.25·12.96 = 6.24, v̂ = 6.24/0.4375
    const mHat = 2.8 / 0.75;
    const vHat = 6.24 / 0.4375;
    expect(path[1]).toBeCloseTo(0.9 - (0.1 * mHat) / Math.sqrt(vHat), 15);
  });

  it("fills in the usual defaults for a run's record", () => {
    expect(resolveOptimizerConfig(undefined)).toEqual({ kind: 'sgd' });
    expect(resolveOptimizerConfig({ kind: 'momentum' })).toEqual({ kind: 'momentum', momentum: 0.9 });
    expect(resolveOptimizerConfig({ kind: 'adam', beta1: 0.8 })).toEqual({ kind: 'adam', beta1: 0.8, beta2: 0.999, epsilon: 1e-8 });
    expect(resolveOptimizerConfig({ kind: 'rmsprop' })).toEqual({ kind: 'rmsprop', rho: 0.9, epsilon: 1e-8 });
  });

  it('works on any list of parameters, e.g. one point (x, y) on a surface', () => {
    const value = Float64Array.from([3, 2]);
    const gradient = new Float64Array(2);
    const optimizer = createOptimizer({ kind: 'adam' }, 0.1, undefined, [{ name: 'xy', shape: [2], value, gradient, decayed: false }]);
    for (let i = 0; i < 300; i++) {
      gradient[0] = 2 * value[0]!;
      gradient[1] = 20 * value[1]!;
      optimizer.step();
    }
    expect(Math.hypot(value[0]!, value[1]!)).toBeLessThan(0.05);
  });
});
