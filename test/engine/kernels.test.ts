// The kernel suite run against every implementation: the plain TypeScript loops, the register-blocked products, and the
// WebAssembly SIMD module in both builds, given ordinary arrays (copied in and out) and arrays in its own memory.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { blockedKernels } from '../../engine/kernels/blockedKernels.js';
import { plainKernels } from '../../engine/kernels/plainKernels.js';
import { kernelHelperThreads } from '../../engine/kernels/wasm/kernelFiles.js';
import { computeNextPart, CONTROL_SLOTS, jobDone, openJob } from '../../engine/kernels/wasm/productJobs.js';
import { createWasmKernels, HELPER_START_WORK, SHARED_PRODUCT_MIN_WORK, supportedWasmVariants } from '../../engine/kernels/wasm/wasmKernels.js';
import { createRandom } from '../../engine/random.js';
import { describeKernels } from './support/kernelSuite.js';
import { compiledWasmKernelBinaries } from './support/wasmKernelBinaries.js';

describeKernels('plain TypeScript', plainKernels);
describeKernels('register-blocked TypeScript', blockedKernels);

const binaries = await compiledWasmKernelBinaries();
const simd = createWasmKernels(binaries, 'simd');
const relaxed = createWasmKernels(binaries, 'relaxed');
describeKernels('WebAssembly SIMD (arrays copied in and out)', simd);
describeKernels('WebAssembly SIMD (arrays in its memory)', simd, (values) => placed(simd.allocate(values.length), values));
describeKernels('WebAssembly relaxed SIMD (arrays copied in and out)', relaxed);
describeKernels('WebAssembly relaxed SIMD (arrays in its memory)', relaxed, (values) => placed(relaxed.allocate(values.length), values));

const helperStarts: number[] = [];
const threads = kernelHelperThreads();
const shared = createWasmKernels(binaries, 'relaxed', {
  helperStartWork: SHARED_PRODUCT_MIN_WORK,
  helpers: {
    start(setup) {
      const started = threads.start(setup);
      helperStarts.push(started);
      return started;
    },
  },
});
describeKernels('WebAssembly relaxed SIMD with helper threads for large products', shared, (values) => placed(shared.allocate(values.length), values));

function placed(target: Float64Array, values: Float64Array): Float64Array {
  target.set(values);
  return target;
}

function randomValues(length: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length }, () => random.next() * 4 - 2);
}

/** The 784-256-128-10 MLP's products at minibatch 64, and the exercise's (its last layer has one output column). */
const largeShapes: Array<[number, number, number]> = [
  [64, 784, 256],
  [64, 256, 128],
  [64, 128, 10],
  [10, 64, 32],
  [10, 32, 1],
  [10, 64, 1],
  [33, 67, 45],
  [7, 9, 5],
];

describe('WebAssembly kernels', () => {
  it('runs both builds here: relaxed SIMD is found and preferred', () => {
    expect(supportedWasmVariants(binaries)).toEqual(['relaxed', 'simd']);
  });

  it.each(largeShapes)("gives the plain kernels' products bit for bit without fused multiply-add (%i×%i·%i-wide)", (m, k, n) => {
    const a = randomValues(m * k, 1),
      b = randomValues(k * n, 2),
      dy = randomValues(m * n, 3),
      w = randomValues(n * k, 4);
    const [expected, actual] = [new Float64Array(m * n), simd.allocate(m * n)];
    plainKernels.matmul(a, b, expected, m, k, n);
    simd.matmul(a, b, actual, m, k, n);
    expect(actual).toEqual(expected);
    const [expectedA, actualA] = [new Float64Array(k * n), new Float64Array(k * n)];
    plainKernels.matmulTransposeA(a, dy, expectedA, m, k, n);
    simd.matmulTransposeA(a, dy, actualA, m, k, n);
    expect(actualA).toEqual(expectedA);
    const [expectedB, actualB] = [new Float64Array(m * k), new Float64Array(m * k)];
    plainKernels.matmulTransposeB(dy, w, expectedB, m, n, k);
    simd.matmulTransposeB(dy, w, actualB, m, n, k);
    expect(actualB).toEqual(expectedB);
  });

  it.each(largeShapes)('stays within twice the dot-product round-off bound of the plain products with fused multiply-add (%i×%i·%i-wide)', (m, k, n) => {
    // Each sum of k products is off the exact one by at most k·u·Σ|a·b| (u = 2⁻⁵³), fused or not, so the two differ by at most twice that.
    const a = randomValues(m * k, 5),
      b = randomValues(k * n, 6);
    const [expected, actual] = [new Float64Array(m * n), new Float64Array(m * n)];
    plainKernels.matmul(a, b, expected, m, k, n);
    relaxed.matmul(a, b, actual, m, k, n);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let magnitude = 0;
        for (let p = 0; p < k; p++) magnitude += Math.abs(a[i * k + p]! * b[p * n + j]!);
        expect(Math.abs(actual[i * n + j]! - expected[i * n + j]!)).toBeLessThanOrEqual(2 * k * 2 ** -53 * magnitude);
      }
  });

  it('hands out zeroed arrays in its memory, and keeps earlier ones valid when the memory grows', () => {
    const first = simd.allocate(1000);
    first.fill(7);
    const large = simd.allocate(4_000_000);
    expect(simd.owns(first) && simd.owns(large)).toBe(true);
    expect(large.every((value) => value === 0)).toBe(true);
    expect(first.length).toBe(1000);
    expect(first.every((value) => value === 7)).toBe(true);
    const out = simd.allocate(4);
    simd.matmul(first.subarray(0, 4), first.subarray(4, 8), out, 2, 2, 2);
    expect(Array.from(out)).toEqual([98, 98, 98, 98]);
    expect(simd.owns(new Float64Array(4))).toBe(false);
  });
});

describe('large products shared between threads', () => {
  it.each(largeShapes)('cut into parts computed by two instances in turn, give the one-thread product bit for bit (%i×%i·%i-wide)', (m, k, n) => {
    const kernels = createWasmKernels(binaries, 'simd');
    const memory = new WebAssembly.Memory({ initial: 256, maximum: 256, shared: true });
    const instances = [0, 1].map(
      () =>
        new WebAssembly.Instance(new WebAssembly.Module(binaries.simd as Uint8Array<ArrayBuffer>), { env: { memory } }).exports as unknown as Parameters<
          typeof computeNextPart
        >[1],
    );
    const control = new Int32Array(memory.buffer, 0, CONTROL_SLOTS);
    const at = (address: number, values: Float64Array): number => {
      new Float64Array(memory.buffer, address, values.length).set(values);
      return address;
    };
    const a = randomValues(m * k, 11),
      b = randomValues(k * n, 12),
      dy = randomValues(m * n, 13);
    const jobs = [
      { expected: 'matmul', operation: 0, rows: m, inner: k, cols: n, rowStride: k, sumStride: 1, left: a, right: b },
      { expected: 'matmulTransposeA', operation: 0, rows: k, inner: m, cols: n, rowStride: 1, sumStride: k, left: a, right: dy },
      { expected: 'matmulTransposeB', operation: 1, rows: m, inner: n, cols: k, rowStride: n, sumStride: 1, left: dy, right: b },
    ] as const;
    jobs.forEach((job, generation) => {
      const pa = at(1024, job.left);
      const pb = at(pa + job.left.length * 8, job.right);
      const out = pb + job.right.length * 8;
      const scratch = out + job.rows * job.cols * 8;
      const count = openJob(control, generation + 1, { ...job, a: pa, b: job.operation === 1 ? scratch : pb, out, source: job.operation === 1 ? pb : 0 }, 5);
      expect(count).toBeGreaterThan(1);
      for (let turn = 0; computeNextPart(control, instances[turn % 2]!); turn++);
      expect(jobDone(control, count)).toBe(true);
      const expected = new Float64Array(job.rows * job.cols);
      if (job.expected === 'matmulTransposeB') kernels.matmulTransposeB(dy, b, expected, m, n, k);
      else if (job.expected === 'matmulTransposeA') kernels.matmulTransposeA(a, dy, expected, m, k, n);
      else kernels.matmul(a, b, expected, m, k, n);
      expect(new Float64Array(memory.buffer, out, expected.length)).toEqual(expected);
    });
  });

  it('start helper threads only at the first product large enough, and give the one-thread products with them', async () => {
    const one = createWasmKernels(binaries, 'relaxed');
    const small = [10, 64, 32] as const;
    expect(small[0] * small[1] * small[2]).toBeLessThan(SHARED_PRODUCT_MIN_WORK);
    shared.matmul(randomValues(10 * 64, 1), randomValues(64 * 32, 2), new Float64Array(10 * 32), ...small);
    const before = helperStarts.length;
    const [m, k, n] = [64, 784, 256];
    const a = randomValues(m * k, 3),
      w = randomValues(k * n, 4),
      dy = randomValues(m * n, 5);
    /** How many values differ (a plain loop: comparing large arrays with toEqual takes seconds). */
    const differing = (x: Float64Array, y: Float64Array): number => {
      let count = x.length === y.length ? 0 : Math.max(x.length, y.length);
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (!Object.is(x[i], y[i])) count++;
      return count;
    };
    for (let round = 0; round < 8; round++) {
      const [expected, actual] = [new Float64Array(m * n), shared.allocate(m * n)];
      one.matmul(a, w, expected, m, k, n);
      shared.matmul(a, w, actual, m, k, n);
      expect(differing(actual, expected)).toBe(0);
      const [expectedA, actualA] = [new Float64Array(k * n), shared.allocate(k * n)];
      one.matmulTransposeA(a, dy, expectedA, m, k, n);
      shared.matmulTransposeA(a, dy, actualA, m, k, n);
      expect(differing(actualA, expectedA)).toBe(0);
      const [expectedB, actualB] = [new Float64Array(m * k), shared.allocate(m * k)];
      one.matmulTransposeB(dy, w, expectedB, m, n, k);
      shared.matmulTransposeB(dy, w, actualB, m, n, k);
      expect(differing(actualB, expectedB)).toBe(0);
      // Gives the helpers time to start, so that later rounds are shared.
      if (round === 0) await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(before).toBe(0);
    expect(helperStarts).toEqual([Math.min(3, availableParallelism() - 1)]);
  });
});

describe('WebAssembly kernels with the default start of their helpers', () => {
  it('start no helper thread until the large products add up to HELPER_START_WORK multiply-adds', () => {
    const starts: number[] = [];
    const kernels = createWasmKernels(binaries, 'simd', {
      helpers: {
        start() {
          starts.push(starts.length);
          return 0;
        },
      },
    });
    const [m, k, n] = [64, 256, 128];
    const a = randomValues(m * k, 6),
      w = randomValues(k * n, 7),
      out = kernels.allocate(m * n);
    const productsBeforeStart = Math.ceil(HELPER_START_WORK / (m * k * n));
    for (let i = 1; i < productsBeforeStart; i++) kernels.matmul(a, w, out, m, k, n);
    expect(starts).toEqual([]);
    kernels.matmul(a, w, out, m, k, n);
    kernels.matmul(a, w, out, m, k, n);
    expect(starts).toEqual([0]);
  });
});

describe("WebAssembly kernels' memory", () => {
  it('gives blocks back when their arrays are collected, so building networks again and again does not grow it', async () => {
    const kernels = createWasmKernels(binaries, 'simd');
    // Vitest runs its workers with --expose-gc (vitest.config.ts).
    const collect = (globalThis as { gc?: () => void }).gc!;
    expect(collect).toBeTypeOf('function');
    const probe = kernels.allocate(1);
    const before = probe.byteOffset;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 10; i++) kernels.allocate(100_000);
      collect();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(kernels.allocate(100_000).byteOffset - before).toBeLessThan(20 * 2 ** 20);
  });
});
