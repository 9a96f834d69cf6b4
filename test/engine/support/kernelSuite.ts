// One test suite for any implementation of the numeric kernels: each result is compared with a naive reference.
import { describe, expect, it } from 'vitest';
import type { Kernels } from '../../../engine/kernels/kernels.js';
import { createRandom } from '../../../engine/random.js';

function randomValues(length: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length }, () => random.next() * 4 - 2);
}

/** out[i][j] = Σ_p A(i, p) · B(p, j), with accessors so every transposed variant is checked against the same loop. */
function reference(m: number, k: number, n: number, a: (i: number, p: number) => number, b: (p: number, j: number) => number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += a(i, p) * b(p, j);
      out[i * n + j] = sum;
    }
  return out;
}

function expectClose(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThan(1e-12);
}

/**
 * Registers the kernel tests for `kernels` under `name`. With `place`, every array a kernel is given is first moved
 * by it (into an implementation's own memory, say), so the same tests check the in-place path.
 */
export function describeKernels(name: string, kernels: Kernels, place: (values: Float64Array) => Float64Array = (values) => values): void {
  const randomMatrix = (length: number, seed: number): Float64Array => place(randomValues(length, seed));
  const from = (values: ArrayLike<number>): Float64Array => place(Float64Array.from(values));
  describe(`${name} kernels`, () => {
    const [m, k, n] = [3, 5, 7];
    // Shapes that reach every tile and every edge of a blocked implementation: odd and even rows, widths below,
    // at and above a tile, the exercise's 10×64·64×32, and sums and widths longer than a cache tile.
    const shapes: Array<[number, number, number]> = [
      [1, 1, 1],
      [3, 5, 7],
      [2, 4, 4],
      [9, 13, 6],
      [10, 64, 32],
      [7, 3, 1],
      [13, 300, 70],
      [6, 517, 131],
    ];

    it.each(shapes)('multiplies x·W like the textbook triple loop (%i×%i·%i-wide)', (m, k, n) => {
      const a = randomMatrix(m * k, 1);
      const b = randomMatrix(k * n, 2);
      const out = from(new Float64Array(m * n).fill(99));
      kernels.matmul(a, b, out, m, k, n);
      expectClose(
        out,
        reference(
          m,
          k,
          n,
          (i, p) => a[i * k + p]!,
          (p, j) => b[p * n + j]!,
        ),
      );
    });

    it.each(shapes)('multiplies dy·Wᵀ without forming the transpose (%i×%i, %i rows of W)', (m, n, k) => {
      const dy = randomMatrix(m * n, 3);
      const w = randomMatrix(k * n, 4);
      const out = from(new Float64Array(m * k).fill(99));
      kernels.matmulTransposeB(dy, w, out, m, n, k);
      expectClose(
        out,
        reference(
          m,
          n,
          k,
          (i, p) => dy[i * n + p]!,
          (p, j) => w[j * n + p]!,
        ),
      );
    });

    it.each(shapes)('multiplies xᵀ·dy without forming the transpose (%i rows, %i and %i wide)', (m, k, n) => {
      const x = randomMatrix(m * k, 5);
      const dy = randomMatrix(m * n, 6);
      const out = from(new Float64Array(k * n).fill(99));
      kernels.matmulTransposeA(x, dy, out, m, k, n);
      expectClose(
        out,
        reference(
          k,
          m,
          n,
          (i, p) => x[p * k + i]!,
          (p, j) => dy[p * n + j]!,
        ),
      );
    });

    it('writes only inside the product, leaving the rest of a larger buffer alone', () => {
      const out = from(new Float64Array(3 * 7 + 5).fill(99));
      kernels.matmul(randomMatrix(15, 1), randomMatrix(35, 2), out, 3, 5, 7);
      expect(Array.from(out.subarray(21))).toEqual([99, 99, 99, 99, 99]);
    });

    it.each(shapes)('computes a·b + bias as the product, then the bias added to every row (%i×%i·%i-wide)', (rows, inner, cols) => {
      const a = randomMatrix(rows * inner, 21);
      const b = randomMatrix(inner * cols, 22);
      const bias = randomMatrix(cols, 23);
      const product = from(new Float64Array(rows * cols));
      kernels.matmul(a, b, product, rows, inner, cols);
      const expected = Float64Array.from(product, (value, i) => value + bias[i % cols]!);
      const affine = from(new Float64Array(rows * cols).fill(5));
      kernels.affine(a, b, bias, affine, rows, inner, cols);
      expect(Array.from(affine)).toEqual(Array.from(expected));
    });

    it('adds a row vector to every row and sums columns', () => {
      const a = randomMatrix(m * n, 7);
      const row = randomMatrix(n, 8);
      const added = from(a);
      kernels.addRowVector(added, row, m, n);
      expectClose(
        added,
        a.map((value, i) => value + row[i % n]!),
      );
      const sums = from(new Float64Array(n).fill(99));
      kernels.columnSums(a, sums, m, n);
      expectClose(
        sums,
        Float64Array.from({ length: n }, (_, j) => a[j]! + a[n + j]! + a[2 * n + j]!),
      );
    });

    it('maps ReLU and sigmoid elementwise, with their backward passes', () => {
      const x = from([-3, -0.5, 0, 0.5, 3, -800, 800]);
      const dy = from([1, 2, 3, 4, 5, 6, 7]);
      const out = from(new Float64Array(x.length));
      const dx = from(new Float64Array(x.length));
      kernels.relu(x, out, x.length);
      expectClose(
        out,
        x.map((v) => Math.max(0, v)),
      );
      kernels.reluBackward(x, dy, dx, x.length);
      expectClose(dx, Float64Array.from([0, 0, 0, 4, 5, 0, 7]));
      kernels.sigmoid(x, out, x.length);
      expectClose(
        out,
        x.map((v) => 1 / (1 + Math.exp(-v))),
      );
      kernels.sigmoidBackward(out, dy, dx, x.length);
      expectClose(
        dx,
        out.map((y, i) => dy[i]! * y * (1 - y)),
      );
    });

    it('adds a scaled vector in place', () => {
      const target = from([1, 2, 3]);
      kernels.addScaled(target, from([10, 20, 30]), -0.5, 3);
      expectClose(target, Float64Array.from([-4, -8, -12]));
    });

    it.each(shapes)('computes the weight and bias gradients in one call, bit for bit as xᵀ·dy then the column sums (%i rows, %i and %i wide)', (m, k, n) => {
      const x = randomMatrix(m * k, 31);
      const dy = randomMatrix(m * n, 32);
      const dW = from(new Float64Array(k * n));
      const db = from(new Float64Array(n));
      kernels.matmulTransposeA(x, dy, dW, m, k, n);
      kernels.columnSums(dy, db, m, n);
      const fusedW = from(new Float64Array(k * n).fill(99));
      const fusedB = from(new Float64Array(n).fill(99));
      kernels.weightGradient(x, dy, fusedW, fusedB, m, k, n);
      expect(Array.from(fusedW)).toEqual(Array.from(dW));
      expect(Array.from(fusedB)).toEqual(Array.from(db));
    });

    // Odd lengths reach the scalar tail of a vectorised loop; three steps carry the state from one call to the next.
    const stepLengths = [1, 2, 7, 130];

    it.each(stepLengths)('steps SGD with momentum and Nesterov bit for bit as the textbook loop (%i values)', (length) => {
      for (const nesterov of [false, true]) {
        const value = randomMatrix(length, 41);
        const velocity = from(new Float64Array(length));
        const expectedValue = Float64Array.from(value);
        const expectedVelocity = new Float64Array(length);
        for (let step = 0; step < 3; step++) {
          const gradient = randomMatrix(length, 42 + step);
          const [momentum, stepSize] = [0.9, 0.013 * (step + 1)];
          for (let i = 0; i < length; i++) {
            expectedVelocity[i] = momentum * expectedVelocity[i]! + gradient[i]!;
            expectedValue[i] -= stepSize * (nesterov ? gradient[i]! + momentum * expectedVelocity[i]! : expectedVelocity[i]!);
          }
          if (nesterov) kernels.nesterovStep(value, velocity, gradient, momentum, stepSize, length);
          else kernels.momentumStep(value, velocity, gradient, momentum, stepSize, length);
        }
        expect(Array.from(value)).toEqual(Array.from(expectedValue));
        expect(Array.from(velocity)).toEqual(Array.from(expectedVelocity));
      }
    });

    it.each(stepLengths)('steps RMSProp and Adam bit for bit as the textbook loops (%i values)', (length) => {
      const [rho, beta1, beta2, epsilon] = [0.9, 0.9, 0.999, 1e-8];
      const rmsValue = randomMatrix(length, 51);
      const squares = from(new Float64Array(length));
      const adamValue = randomMatrix(length, 52);
      const moments = { first: from(new Float64Array(length)), second: from(new Float64Array(length)) };
      const expectedRms = Float64Array.from(rmsValue);
      const expectedSquares = new Float64Array(length);
      const expectedAdam = Float64Array.from(adamValue);
      const [m, v] = [new Float64Array(length), new Float64Array(length)];
      for (let step = 1; step <= 3; step++) {
        const gradient = randomMatrix(length, 52 + step);
        const stepSize = 0.01 / step;
        const [firstCorrection, secondCorrection] = [1 - beta1 ** step, 1 - beta2 ** step];
        for (let i = 0; i < length; i++) {
          const g = gradient[i]!;
          expectedSquares[i] = rho * expectedSquares[i]! + (1 - rho) * g * g;
          expectedRms[i] -= (stepSize * g) / (Math.sqrt(expectedSquares[i]!) + epsilon);
          m[i] = beta1 * m[i]! + (1 - beta1) * g;
          v[i] = beta2 * v[i]! + (1 - beta2) * g * g;
          expectedAdam[i] -= (stepSize * (m[i]! / firstCorrection)) / (Math.sqrt(v[i]! / secondCorrection) + epsilon);
        }
        kernels.rmspropStep(rmsValue, squares, gradient, rho, epsilon, stepSize, length);
        kernels.adamStep(adamValue, moments, gradient, { beta1, beta2, epsilon, stepSize, firstCorrection, secondCorrection }, length);
      }
      expect(Array.from(rmsValue)).toEqual(Array.from(expectedRms));
      expect(Array.from(squares)).toEqual(Array.from(expectedSquares));
      expect(Array.from(adamValue)).toEqual(Array.from(expectedAdam));
      expect(Array.from(moments.first)).toEqual(Array.from(m));
      expect(Array.from(moments.second)).toEqual(Array.from(v));
    });
  });
}
