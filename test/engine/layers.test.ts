// Layers checked against central differences, like the exercise's scipy check_grad cells, plus initialisation and stability.
import { describe, expect, it } from 'vitest';
import { checkGradient } from '../../engine/gradcheck/checkGradient.js';
import { plainKernels } from '../../engine/kernels/plainKernels.js';
import type { Layer } from '../../engine/layers/layer.js';
import { Linear, xavierBound } from '../../engine/layers/linear.js';
import { Relu } from '../../engine/layers/relu.js';
import { Sigmoid } from '../../engine/layers/sigmoid.js';
import { createRandom } from '../../engine/random.js';

const TOLERANCE = 1e-6;

function randomArray(length: number, seed: number, low: number, high: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length }, () => low + (high - low) * random.next());
}

/** Σ upstream ⊙ layer(x): its gradient with respect to the layer's output is `upstream`, so backward(x, upstream) must match. */
function weightedOutput(layer: Layer, x: Float64Array, rows: number, upstream: Float64Array): number {
  const y = layer.forward(x, rows);
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += upstream[i]! * y[i]!;
  return sum;
}

function checkInputGradient(layer: Layer, rows: number, x: Float64Array) {
  const upstream = randomArray(rows * layer.outputs, 99, -2, 2);
  return checkGradient(
    (point) => weightedOutput(layer, point, rows, upstream),
    (point) => {
      layer.forward(point, rows);
      return layer.backward(point, upstream, rows);
    },
    x,
  );
}

describe('Linear', () => {
  const rows = 3;
  const x = randomArray(rows * 5, 1, -10, 10);
  const upstream = randomArray(rows * 7, 2, -2, 2);

  function checkParameter(layer: Linear, which: 'W' | 'b', backward: (x: Float64Array, dy: Float64Array) => Float64Array) {
    return checkGradient(
      () => weightedOutput(layer, x, rows, upstream),
      () => {
        layer.forward(x, rows);
        layer.backward(x, upstream, rows);
        return backward(x, upstream);
      },
      which === 'W' ? layer.W : layer.b,
    );
  }

  it('passes the gradient check for dx', () => {
    const layer = new Linear(5, 7, plainKernels, createRandom(3));
    expect(checkInputGradient(layer, rows, x.slice()).relativeError).toBeLessThan(TOLERANCE);
  });

  it('passes the gradient check for dW', () => {
    const layer = new Linear(5, 7, plainKernels, createRandom(4));
    const check = checkParameter(layer, 'W', () => layer.dW);
    expect(check.relativeError).toBeLessThan(TOLERANCE);
    expect(check.error).toBeLessThan(1e-5);
  });

  it('passes the gradient check for db, which is the column sum of dy', () => {
    const layer = new Linear(5, 7, plainKernels, createRandom(5));
    layer.b.set(randomArray(7, 6, -10, 10));
    expect(checkParameter(layer, 'b', () => layer.db).relativeError).toBeLessThan(TOLERANCE);
  });

  it("catches the exercise's db = sum(dy) / len(dy) in the gradient check", () => {
    const layer = new Linear(5, 7, plainKernels, createRandom(5));
    // The exercise's variant: one number, the sum of every element of dy divided by the number of rows, broadcast to every unit.
    const exerciseDb = (_x: Float64Array, dy: Float64Array) => {
      const total = dy.reduce((sum, value) => sum + value, 0);
      return new Float64Array(7).fill(total / rows);
    };
    const check = checkParameter(layer, 'b', exerciseDb);
    expect(check.error).toBeGreaterThan(1e-5);
    expect(check.relativeError).toBeGreaterThan(0.1);
  });

  it('initialises W uniformly within ±√(6/(n_in+n_out)) and b at zero', () => {
    const layer = new Linear(64, 32, plainKernels, createRandom(8));
    const bound = xavierBound(64, 32);
    expect(bound).toBeCloseTo(Math.sqrt(6 / 96), 15);
    const values = Array.from(layer.W);
    expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(bound);
    expect(Math.max(...values)).toBeGreaterThan(0.95 * bound);
    expect(Math.min(...values)).toBeLessThan(-0.95 * bound);
    // The variance of U(−a, a) is a²/3 = 2/(n_in+n_out).
    const variance = values.reduce((sum, v) => sum + v * v, 0) / values.length;
    expect(Math.abs(variance - 2 / 96) / (2 / 96)).toBeLessThan(0.1);
    expect(Array.from(layer.b)).toEqual(new Array(32).fill(0));
  });

  it('computes y = x·W + b', () => {
    const layer = new Linear(2, 1, plainKernels, createRandom(1));
    layer.W.set([2, 3]);
    layer.b.set([0.5]);
    expect(Array.from(layer.forward(Float64Array.from([1, 1, 10, -1]), 2))).toEqual([5.5, 17.5]);
  });
});

describe('ReLU', () => {
  it('passes the gradient check for dx away from 0', () => {
    const x = randomArray(15, 11, -10, 10).map((v) => (Math.abs(v) < 0.1 ? v + 1 : v));
    expect(checkInputGradient(new Relu(5, plainKernels), 3, x).relativeError).toBeLessThan(TOLERANCE);
  });
});

describe('Sigmoid', () => {
  it('passes the gradient check for dx', () => {
    const x = randomArray(15, 12, -10, 10);
    expect(checkInputGradient(new Sigmoid(5, plainKernels), 3, x).relativeError).toBeLessThan(TOLERANCE);
  });

  it('stays finite and in [0, 1] for very large inputs', () => {
    const y = new Sigmoid(4, plainKernels).forward(Float64Array.from([-1000, -40, 40, 1000]), 1);
    expect(Array.from(y).every((v) => Number.isFinite(v) && v >= 0 && v <= 1)).toBe(true);
    expect(y[0]).toBe(0);
    expect(y[3]).toBe(1);
    expect(y[1]).toBeGreaterThan(0);
  });
});
