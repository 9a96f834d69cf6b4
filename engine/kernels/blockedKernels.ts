// Register-blocked TypeScript matrix products (2 rows × 4 columns of accumulators), several times faster than the plain loops; pure, any process.
import type { Kernels } from './kernels.js';
import { plainKernels } from './plainKernels.js';

/**
 * out[m×n] = a[m×k] · b[k×n]. Each pass keeps a 2×4 tile of `out` in eight local sums, so every value loaded from
 * `a` and `b` is used four or two times from registers; edges fall back to single rows and columns.
 */
function matmul(a: Float64Array, b: Float64Array, out: Float64Array, m: number, k: number, n: number): void {
  let i = 0;
  for (; i + 2 <= m; i += 2) {
    const a0 = i * k, a1 = a0 + k, o0 = i * n, o1 = o0 + n;
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0;
      for (let p = 0, bi = j; p < k; p++, bi += n) {
        const x0 = a[a0 + p]!, x1 = a[a1 + p]!;
        const b0 = b[bi]!, b1 = b[bi + 1]!, b2 = b[bi + 2]!, b3 = b[bi + 3]!;
        s0 += x0 * b0; s1 += x0 * b1; s2 += x0 * b2; s3 += x0 * b3;
        t0 += x1 * b0; t1 += x1 * b1; t2 += x1 * b2; t3 += x1 * b3;
      }
      out[o0 + j] = s0; out[o0 + j + 1] = s1; out[o0 + j + 2] = s2; out[o0 + j + 3] = s3;
      out[o1 + j] = t0; out[o1 + j + 1] = t1; out[o1 + j + 2] = t2; out[o1 + j + 3] = t3;
    }
    for (; j < n; j++) {
      let s = 0, t = 0;
      for (let p = 0, bi = j; p < k; p++, bi += n) { s += a[a0 + p]! * b[bi]!; t += a[a1 + p]! * b[bi]!; }
      out[o0 + j] = s; out[o1 + j] = t;
    }
  }
  for (; i < m; i++) {
    const a0 = i * k, o0 = i * n;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0, bi = j; p < k; p++, bi += n) s += a[a0 + p]! * b[bi]!;
      out[o0 + j] = s;
    }
  }
}

/** out[m×k] = a[m×n] · bᵀ where b is k×n: dot products of rows, in 2×4 tiles (both operands read contiguously). */
function matmulTransposeB(a: Float64Array, b: Float64Array, out: Float64Array, m: number, n: number, k: number): void {
  let i = 0;
  for (; i + 2 <= m; i += 2) {
    const a0 = i * n, a1 = a0 + n, o0 = i * k, o1 = o0 + k;
    let p = 0;
    for (; p + 4 <= k; p += 4) {
      const b0 = p * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0;
      for (let j = 0; j < n; j++) {
        const x0 = a[a0 + j]!, x1 = a[a1 + j]!;
        const y0 = b[b0 + j]!, y1 = b[b1 + j]!, y2 = b[b2 + j]!, y3 = b[b3 + j]!;
        s0 += x0 * y0; s1 += x0 * y1; s2 += x0 * y2; s3 += x0 * y3;
        t0 += x1 * y0; t1 += x1 * y1; t2 += x1 * y2; t3 += x1 * y3;
      }
      out[o0 + p] = s0; out[o0 + p + 1] = s1; out[o0 + p + 2] = s2; out[o0 + p + 3] = s3;
      out[o1 + p] = t0; out[o1 + p + 1] = t1; out[o1 + p + 2] = t2; out[o1 + p + 3] = t3;
    }
    for (; p < k; p++) {
      const b0 = p * n;
      let s = 0, t = 0;
      for (let j = 0; j < n; j++) { s += a[a0 + j]! * b[b0 + j]!; t += a[a1 + j]! * b[b0 + j]!; }
      out[o0 + p] = s; out[o1 + p] = t;
    }
  }
  for (; i < m; i++) {
    const a0 = i * n, o0 = i * k;
    for (let p = 0; p < k; p++) {
      const b0 = p * n;
      let s = 0;
      for (let j = 0; j < n; j++) s += a[a0 + j]! * b[b0 + j]!;
      out[o0 + p] = s;
    }
  }
}

/** out[k×n] = aᵀ · b where a is m×k and b is m×n: sums over the m rows, in 2×4 tiles of `out`. */
function matmulTransposeA(a: Float64Array, b: Float64Array, out: Float64Array, m: number, k: number, n: number): void {
  let p = 0;
  for (; p + 2 <= k; p += 2) {
    const o0 = p * n, o1 = o0 + n;
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0;
      for (let i = 0, ai = p, bi = j; i < m; i++, ai += k, bi += n) {
        const x0 = a[ai]!, x1 = a[ai + 1]!;
        const y0 = b[bi]!, y1 = b[bi + 1]!, y2 = b[bi + 2]!, y3 = b[bi + 3]!;
        s0 += x0 * y0; s1 += x0 * y1; s2 += x0 * y2; s3 += x0 * y3;
        t0 += x1 * y0; t1 += x1 * y1; t2 += x1 * y2; t3 += x1 * y3;
      }
      out[o0 + j] = s0; out[o0 + j + 1] = s1; out[o0 + j + 2] = s2; out[o0 + j + 3] = s3;
      out[o1 + j] = t0; out[o1 + j + 1] = t1; out[o1 + j + 2] = t2; out[o1 + j + 3] = t3;
    }
    for (; j < n; j++) {
      let s = 0, t = 0;
      for (let i = 0, ai = p, bi = j; i < m; i++, ai += k, bi += n) { s += a[ai]! * b[bi]!; t += a[ai + 1]! * b[bi]!; }
      out[o0 + j] = s; out[o1 + j] = t;
    }
  }
  for (; p < k; p++) {
    const o0 = p * n;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0, ai = p, bi = j; i < m; i++, ai += k, bi += n) s += a[ai]! * b[bi]!;
      out[o0 + j] = s;
    }
  }
}

/** The plain kernels with register-blocked matrix products; results equal the plain ones within round-off. */
export const blockedKernels: Kernels = {
  ...plainKernels,
  matmul,
  matmulTransposeB,
  matmulTransposeA,
  affine(a, b, bias, out, m, k, n) {
    matmul(a, b, out, m, k, n);
    plainKernels.addRowVector(out, bias, m, n);
  },
  weightGradient(x, dy, dW, db, m, k, n) {
    matmulTransposeA(x, dy, dW, m, k, n);
    plainKernels.columnSums(dy, db, m, n);
  },
};
