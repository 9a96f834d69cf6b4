// The plain TypeScript implementation of the numeric kernels; pure, any process.
import type { Kernels } from './kernels.js';

/** Straightforward loops, ordered for row-major cache locality (i-k-j for the products). */
export const plainKernels: Kernels = {
  matmul(a, b, out, m, k, n) {
    out.fill(0, 0, m * n);
    for (let i = 0; i < m; i++) {
      const outRow = i * n;
      const aRow = i * k;
      for (let p = 0; p < k; p++) {
        const aValue = a[aRow + p];
        if (aValue === 0) continue;
        const bRow = p * n;
        for (let j = 0; j < n; j++) out[outRow + j] += aValue * b[bRow + j];
      }
    }
  },

  matmulTransposeB(a, b, out, m, n, k) {
    for (let i = 0; i < m; i++) {
      const aRow = i * n;
      for (let p = 0; p < k; p++) {
        const bRow = p * n;
        let sum = 0;
        for (let j = 0; j < n; j++) sum += a[aRow + j] * b[bRow + j];
        out[i * k + p] = sum;
      }
    }
  },

  matmulTransposeA(a, b, out, m, k, n) {
    out.fill(0, 0, k * n);
    for (let i = 0; i < m; i++) {
      const aRow = i * k;
      const bRow = i * n;
      for (let p = 0; p < k; p++) {
        const aValue = a[aRow + p];
        if (aValue === 0) continue;
        const outRow = p * n;
        for (let j = 0; j < n; j++) out[outRow + j] += aValue * b[bRow + j];
      }
    }
  },

  affine(a, b, bias, out, m, k, n) {
    plainKernels.matmul(a, b, out, m, k, n);
    plainKernels.addRowVector(out, bias, m, n);
  },

  addRowVector(out, row, m, n) {
    for (let i = 0; i < m; i++) {
      const offset = i * n;
      for (let j = 0; j < n; j++) out[offset + j] += row[j];
    }
  },

  columnSums(a, out, m, n) {
    out.fill(0, 0, n);
    for (let i = 0; i < m; i++) {
      const offset = i * n;
      for (let j = 0; j < n; j++) out[j] += a[offset + j];
    }
  },

  relu(x, out, length) {
    for (let i = 0; i < length; i++) {
      const value = x[i];
      out[i] = value > 0 ? value : 0;
    }
  },

  reluBackward(x, dy, dx, length) {
    for (let i = 0; i < length; i++) dx[i] = x[i] > 0 ? dy[i] : 0;
  },

  sigmoid(x, out, length) {
    for (let i = 0; i < length; i++) {
      const value = x[i];
      if (value >= 0) {
        out[i] = 1 / (1 + Math.exp(-value));
      } else {
        const e = Math.exp(value);
        out[i] = e / (1 + e);
      }
    }
  },

  sigmoidBackward(y, dy, dx, length) {
    for (let i = 0; i < length; i++) {
      const value = y[i];
      dx[i] = dy[i] * value * (1 - value);
    }
  },

  weightGradient(x, dy, dW, db, m, k, n) {
    plainKernels.matmulTransposeA(x, dy, dW, m, k, n);
    plainKernels.columnSums(dy, db, m, n);
  },

  addScaled(target, source, scale, length) {
    for (let i = 0; i < length; i++) target[i] += scale * source[i];
  },

  momentumStep(value, velocity, gradient, momentum, stepSize, length) {
    for (let i = 0; i < length; i++) {
      velocity[i] = momentum * velocity[i] + gradient[i];
      value[i] -= stepSize * velocity[i];
    }
  },

  nesterovStep(value, velocity, gradient, momentum, stepSize, length) {
    for (let i = 0; i < length; i++) {
      velocity[i] = momentum * velocity[i] + gradient[i];
      value[i] -= stepSize * (gradient[i] + momentum * velocity[i]);
    }
  },

  rmspropStep(value, squares, gradient, rho, epsilon, stepSize, length) {
    const oneMinusRho = 1 - rho;
    for (let i = 0; i < length; i++) {
      const g = gradient[i];
      squares[i] = rho * squares[i] + oneMinusRho * g * g;
      value[i] -= (stepSize * g) / (Math.sqrt(squares[i]) + epsilon);
    }
  },

  adamStep(value, moments, gradient, settings, length) {
    const { first, second } = moments;
    const { beta1, beta2, epsilon, stepSize, firstCorrection, secondCorrection } = settings;
    const oneMinusBeta1 = 1 - beta1;
    const oneMinusBeta2 = 1 - beta2;
    for (let i = 0; i < length; i++) {
      const g = gradient[i];
      first[i] = beta1 * first[i] + oneMinusBeta1 * g;
      second[i] = beta2 * second[i] + oneMinusBeta2 * g * g;
      value[i] -= (stepSize * (first[i] / firstCorrection)) / (Math.sqrt(second[i] / secondCorrection) + epsilon);
    }
  },
};
