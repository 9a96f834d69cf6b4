// The kernels run by the WebAssembly SIMD module over Float64Array views into its shared memory, and the arena that hands those views out; pure, any process.
import type { KernelMemoryUse, KernelRegion, Kernels } from '../kernels.js';
import { plainKernels } from '../plainKernels.js';
import type { KernelHelperSetup } from './kernelHelper.js';
import { computeNextPart, CONTROL_BYTES, CONTROL_SLOTS, jobDone, nextGeneration, openJob, type PartExports, type ProductJob } from './productJobs.js';

/** Which build of the module runs: plain SIMD128, or relaxed SIMD with fused multiply-add in the matrix products. */
export type WasmKernelsVariant = 'simd' | 'relaxed';

/** The compiled kernel modules, as the build writes them (the relaxed one is optional). */
export interface WasmKernelBinaries {
  simd: Uint8Array;
  relaxed?: Uint8Array;
}

/** WebAssembly kernels: the {@link Kernels} plus the arena their arrays should come from. */
export interface WasmKernels extends Kernels {
  readonly variant: WasmKernelsVariant;
  /**
   * A zeroed Float64Array of `length` values inside the module's memory (an ordinary one when that memory is full):
   * kernels given such arrays read and write them in place. The memory is shared, so growing it never detaches a view
   * handed out before; a view's block returns to the arena when its region or releasing scope ends, else when the view
   * itself is garbage collected (keep the view, not only a subarray of it).
   */
  allocate(length: number): Float64Array;
  /** True when `array` lies in the module's memory (its kernels then work on it without a copy). */
  owns(array: Float64Array): boolean;
  releasing<T>(work: () => T): T;
  region(): KernelRegion<WasmKernels>;
  memoryUse(): KernelMemoryUse;
}

/**
 * The capability to start helper threads (given by a process entry: the pure engine starts no thread itself). `start`
 * starts threads that each run {@link runKernelHelper} with `setup`, and returns how many it started (0: none).
 */
export interface KernelHelpers {
  start(setup: KernelHelperSetup): number;
}

export interface WasmKernelsOptions {
  /** Helper threads for large matrix products; without them every product runs on the calling thread. */
  helpers?: KernelHelpers;
  /** The multiply-adds of large products after which the helpers start (default {@link HELPER_START_WORK}). */
  helperStartWork?: number;
}

/**
 * A product is shared with the helper threads when it has at least this many multiply-adds (64×256·256×128 has 2.1 M):
 * below it, waking a helper costs more than it saves (a 10×64·64×32 product takes a few microseconds on one thread).
 */
export const SHARED_PRODUCT_MIN_WORK = 1 << 19;
/**
 * The helper threads start once the products large enough to share have added up to this many multiply-adds (about
 * 30 ms of one core): starting a thread costs tens of milliseconds of CPU, which a short run (the exercise's 25 epochs
 * evaluate 3.7 M multiply-adds an epoch) would never win back, while the 784-256-128-10 MLP reaches it in its first ten
 * minibatches.
 */
export const HELPER_START_WORK = 1 << 28;
/** Parts per thread a shared product is cut into, so a thread that is late (or descheduled) holds up little. */
const PARTS_PER_THREAD = 4;

/** The few parts of the WebAssembly API used here (the engine's type library has no DOM or Node types). */
interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => { buffer: ArrayBufferLike; grow(pages: number): number };
}

interface KernelExports extends PartExports {
  addRowVector(out: number, row: number, m: number, n: number): void;
  columnSums(a: number, out: number, m: number, n: number): void;
  relu(x: number, out: number, length: number): void;
  reluBackward(x: number, dy: number, dx: number, length: number): void;
  sigmoidBackward(y: number, dy: number, dx: number, length: number): void;
  addScaled(target: number, source: number, scale: number, length: number): void;
  weightGradient(x: number, dy: number, dW: number, db: number, m: number, k: number, n: number): void;
  momentumStep(value: number, velocity: number, gradient: number, momentum: number, stepSize: number, length: number): void;
  nesterovStep(value: number, velocity: number, gradient: number, momentum: number, stepSize: number, length: number): void;
  rmspropStep(value: number, squares: number, gradient: number, rho: number, epsilon: number, stepSize: number, length: number): void;
  adamStep(
    value: number,
    first: number,
    second: number,
    gradient: number,
    beta1: number,
    beta2: number,
    epsilon: number,
    stepSize: number,
    firstCorrection: number,
    secondCorrection: number,
    length: number,
  ): void;
}

const webAssembly = (globalThis as unknown as { WebAssembly?: WebAssemblyApi }).WebAssembly;
const PAGE_BYTES = 65536;
const MAX_PAGES = 16384;
/** Blocks are 64-byte aligned (a cache line) and sized in powers of two from 64 bytes, one free list per size. */
const MIN_BLOCK_SHIFT = 6;

/** The variants this runtime can run, best first (relaxed SIMD needs Chromium, or Node with --experimental-wasm-relaxed-simd). */
export function supportedWasmVariants(binaries: WasmKernelBinaries): WasmKernelsVariant[] {
  if (!webAssembly) return [];
  const variants: WasmKernelsVariant[] = [];
  if (binaries.relaxed && webAssembly.validate(binaries.relaxed)) variants.push('relaxed');
  if (webAssembly.validate(binaries.simd)) variants.push('simd');
  return variants;
}

/** Instantiates the kernels of one variant (synchronously: the module is a few kilobytes). Throws if the runtime cannot run it. */
export function createWasmKernels(binaries: WasmKernelBinaries, variant: WasmKernelsVariant, options: WasmKernelsOptions = {}): WasmKernels {
  if (!webAssembly) throw new Error('this runtime has no WebAssembly');
  const bytes = variant === 'relaxed' ? binaries.relaxed : binaries.simd;
  if (!bytes || !webAssembly.validate(bytes)) throw new Error(`this runtime cannot run the ${variant === 'relaxed' ? 'relaxed-SIMD' : 'SIMD'} kernels`);
  const moduleBytes: Uint8Array = bytes;
  const memory = new webAssembly.Memory({ initial: 16, maximum: MAX_PAGES, shared: true });
  const exports = new webAssembly.Instance(new webAssembly.Module(bytes), { env: { memory } }).exports as unknown as KernelExports;

  // Each read of a grown shared memory's `buffer` may give a new object over the same bytes: views are made on `current`.
  let current = memory.buffer;
  /** The whole memory as one view, made again when it grows: arrays from elsewhere are copied in and out through it, not through a view made per call. */
  let whole = new Float64Array(current);
  const buffers = new WeakSet<ArrayBufferLike>([current]);
  const control = new Int32Array(current, 0, CONTROL_SLOTS);
  let top = CONTROL_BYTES;
  let inUseBytes = 0;
  const freeBlocks: number[][] = [];
  const giveBack = (address: number, sizeClass: number): void => {
    (freeBlocks[sizeClass] ??= []).push(address);
    inUseBytes -= 2 ** sizeClass;
  };
  const released = new FinalizationRegistry<{ address: number; sizeClass: number }>(({ address, sizeClass }) => giveBack(address, sizeClass));

  /** The address of a block of 2^sizeClass bytes, reused or taken from the top (growing the memory as needed); undefined when the memory is full. */
  function takeBlock(sizeClass: number): number | undefined {
    const reused = freeBlocks[sizeClass]?.pop();
    if (reused !== undefined) {
      inUseBytes += 2 ** sizeClass;
      return reused;
    }
    const end = top + 2 ** sizeClass;
    const pagesNeeded = Math.ceil(end / PAGE_BYTES) - current.byteLength / PAGE_BYTES;
    if (pagesNeeded > 0) {
      try {
        memory.grow(pagesNeeded);
      } catch {
        return undefined;
      }
      current = memory.buffer;
      buffers.add(current);
      whole = new Float64Array(current);
    }
    const address = top;
    top = end;
    inUseBytes += 2 ** sizeClass;
    return address;
  }

  function sizeClassOf(length: number): number {
    return Math.max(MIN_BLOCK_SHIFT, Math.ceil(Math.log2(Math.max(1, length * 8))));
  }

  /** Blocks that go back together when their owner (a region, a releasing scope) ends, rather than when the collector finds them. */
  type BlockList = Array<{ view: Float64Array; sizeClass: number }>;
  const giveBackAll = (blocks: BlockList): void => {
    for (const { view, sizeClass } of blocks.splice(0)) {
      released.unregister(view);
      giveBack(view.byteOffset, sizeClass);
    }
  };
  /** The blocks allocated inside `releasing`'s work, given back when it returns; undefined outside it. */
  let scope: BlockList | undefined;

  function allocateBlock(length: number): Float64Array {
    const sizeClass = sizeClassOf(length);
    const address = takeBlock(sizeClass);
    // A full memory still leaves the kernels correct: they copy an array from elsewhere in and out.
    if (address === undefined) return new Float64Array(length);
    const view = new Float64Array(current, address, length);
    view.fill(0);
    released.register(view, { address, sizeClass }, view);
    return view;
  }
  /** A block for `length` values, listed in `blocks` when it lies in the memory. */
  function allocateInto(blocks: BlockList | undefined, length: number): Float64Array {
    const view = allocateBlock(length);
    if (blocks && owns(view)) blocks.push({ view, sizeClass: sizeClassOf(length) });
    return view;
  }
  const allocate = (length: number): Float64Array => allocateInto(scope, length);
  function releasing<T>(work: () => T): T {
    if (scope) return work();
    const mine: BlockList = [];
    scope = mine;
    try {
      return work();
    } finally {
      scope = undefined;
      giveBackAll(mine);
    }
  }
  function region(): KernelRegion<WasmKernels> {
    let blocks: BlockList | undefined = [];
    return {
      // Arrays asked for after the release are ordinary ones, given back when they are collected.
      kernels: { ...kernels, allocate: (length) => allocateInto(blocks, length) },
      release() {
        if (blocks) giveBackAll(blocks);
        blocks = undefined;
      },
    };
  }

  // Reading a typed array's `buffer` takes tens of nanoseconds, a WeakSet lookup a few: each array's answer is kept.
  const ownedArrays = new WeakSet<Float64Array>();
  const foreignArrays = new WeakSet<Float64Array>();
  const owns = (array: Float64Array): boolean => {
    if (ownedArrays.has(array)) return true;
    if (foreignArrays.has(array)) return false;
    const buffer = array.buffer;
    const mine = buffer === current || buffers.has(buffer);
    (mine ? ownedArrays : foreignArrays).add(array);
    return mine;
  };

  // The slow path for arrays outside the memory: one scratch block, reused, grown when a call needs more.
  let scratch = allocateBlock(0);
  let scratchUsed = 0;
  /** Scratch blocks outgrown during the call in progress, given back when it is done. */
  const outgrown: BlockList = [];
  function scratchFor(values: number): number {
    if (scratchUsed + values > scratch.length) {
      // Values already copied in this call stay where they are: the old block is only released after the call returns.
      // The scratch is the kernels' own, never part of a region or a releasing scope; an array from outside the memory never becomes it.
      const grown = allocateBlock(2 ** Math.ceil(Math.log2(Math.max(2 * values, 1024))));
      if (!owns(grown)) throw new Error(`the WebAssembly kernels' memory is full: no room to copy ${values} values in`);
      outgrown.push({ view: scratch, sizeClass: sizeClassOf(scratch.length) });
      scratch = grown;
      scratchUsed = 0;
    }
    const address = scratch.byteOffset + scratchUsed * 8;
    scratchUsed += values;
    return address;
  }
  const memoryUse = (): KernelMemoryUse => ({
    inUseBytes,
    scratchBytes: owns(scratch) ? 2 ** sizeClassOf(scratch.length) : 0,
    reservedBytes: current.byteLength,
    capacityBytes: MAX_PAGES * PAGE_BYTES,
  });

  /** The address of the first `length` values of an input, copied in when it lives elsewhere. */
  function input(array: Float64Array, length: number): number {
    if (owns(array)) return array.byteOffset;
    const address = scratchFor(length);
    if (array.length === length) whole.set(array, address / 8);
    else for (let i = 0, at = address / 8; i < length; i++) whole[at + i] = array[i]!;
    return address;
  }
  /** The address to write an output to; `read` copies its current values in as well (for in-place kernels). */
  function output(array: Float64Array, length: number, read: boolean): number {
    if (owns(array)) return array.byteOffset;
    return read ? input(array, length) : scratchFor(length);
  }
  /** Copies an output written in the scratch back into its array. */
  function copyBack(array: Float64Array, address: number, length: number): void {
    if (owns(array)) return;
    for (let i = 0, at = address / 8; i < length; i++) array[i] = whole[at + i]!;
  }
  function done(): void {
    scratchUsed = 0;
    if (outgrown.length > 0) giveBackAll(outgrown);
  }

  // Helper threads start once enough large products have run; until they run, this thread computes every part itself.
  let threads: number | undefined;
  let sharedWorkSoFar = 0;
  const helperStartWork = options.helperStartWork ?? HELPER_START_WORK;
  let generation = 0;
  /** Computes `job` with the helper threads when it is large enough and there are any, else on this thread alone. */
  // One job object, filled for each product, so that a product allocates nothing.
  const job: ProductJob = { operation: 0, a: 0, rowStride: 0, sumStride: 0, b: 0, out: 0, rows: 0, inner: 0, cols: 0, source: 0 };
  function product(
    operation: 0 | 1,
    a: number,
    rowStride: number,
    sumStride: number,
    b: number,
    out: number,
    rows: number,
    inner: number,
    cols: number,
    source: number,
  ): void {
    const work = rows * inner * cols;
    if (work >= SHARED_PRODUCT_MIN_WORK) {
      if (threads === undefined && (sharedWorkSoFar += work) >= helperStartWork) {
        threads = 1 + (options.helpers?.start({ memory, bytes: moduleBytes, control: 0 }) ?? 0);
      }
      if (threads !== undefined && threads > 1) {
        job.operation = operation;
        job.a = a;
        job.rowStride = rowStride;
        job.sumStride = sumStride;
        job.b = b;
        job.out = out;
        job.rows = rows;
        job.inner = inner;
        job.cols = cols;
        job.source = source;
        generation = nextGeneration(generation);
        const count = openJob(control, generation, job, threads * PARTS_PER_THREAD);
        while (computeNextPart(control, exports));
        while (!jobDone(control, count));
        return;
      }
    }
    if (operation === 1) exports.transposePart(source, b, inner, cols, 0, cols);
    exports.gemmPart(a, rowStride, sumStride, b, out, inner, cols, 0, rows, 0, cols);
  }

  const kernels: WasmKernels = {
    variant,
    allocate,
    releasing,
    region,
    memoryUse,
    owns,
    matmul(a, b, out, m, k, n) {
      try {
        const pa = input(a, m * k),
          pb = input(b, k * n),
          po = output(out, m * n, false);
        product(0, pa, k, 1, pb, po, m, k, n, 0);
        copyBack(out, po, m * n);
      } finally {
        done();
      }
    },
    affine(a, b, bias, out, m, k, n) {
      try {
        const pa = input(a, m * k),
          pb = input(b, k * n),
          pbias = input(bias, n),
          po = output(out, m * n, false);
        product(0, pa, k, 1, pb, po, m, k, n, 0);
        exports.addRowVector(po, pbias, m, n);
        copyBack(out, po, m * n);
      } finally {
        done();
      }
    },
    matmulTransposeA(a, b, out, m, k, n) {
      try {
        const pa = input(a, m * k),
          pb = input(b, m * n),
          po = output(out, k * n, false);
        product(0, pa, 1, k, pb, po, k, m, n, 0);
        copyBack(out, po, k * n);
      } finally {
        done();
      }
    },
    matmulTransposeB(a, b, out, m, n, k) {
      try {
        const pa = input(a, m * n),
          pb = input(b, k * n),
          po = output(out, m * k, false);
        product(1, pa, n, 1, scratchFor(k * n), po, m, n, k, pb);
        copyBack(out, po, m * k);
      } finally {
        done();
      }
    },
    addRowVector(out, row, m, n) {
      try {
        const po = output(out, m * n, true),
          pr = input(row, n);
        exports.addRowVector(po, pr, m, n);
        copyBack(out, po, m * n);
      } finally {
        done();
      }
    },
    columnSums(a, out, m, n) {
      try {
        const pa = input(a, m * n),
          po = output(out, n, false);
        exports.columnSums(pa, po, m, n);
        copyBack(out, po, n);
      } finally {
        done();
      }
    },
    relu(x, out, length) {
      try {
        const px = input(x, length),
          po = output(out, length, false);
        exports.relu(px, po, length);
        copyBack(out, po, length);
      } finally {
        done();
      }
    },
    reluBackward(x, dy, dx, length) {
      try {
        const px = input(x, length),
          pdy = input(dy, length),
          pdx = output(dx, length, false);
        exports.reluBackward(px, pdy, pdx, length);
        copyBack(dx, pdx, length);
      } finally {
        done();
      }
    },
    sigmoid: plainKernels.sigmoid,
    sigmoidBackward(y, dy, dx, length) {
      try {
        const py = input(y, length),
          pdy = input(dy, length),
          pdx = output(dx, length, false);
        exports.sigmoidBackward(py, pdy, pdx, length);
        copyBack(dx, pdx, length);
      } finally {
        done();
      }
    },
    weightGradient(x, dy, dW, db, m, k, n) {
      try {
        const px = input(x, m * k),
          pdy = input(dy, m * n),
          pdW = output(dW, k * n, false),
          pdb = output(db, n, false);
        if (m * k * n >= SHARED_PRODUCT_MIN_WORK) {
          product(0, px, 1, k, pdy, pdW, k, m, n, 0);
          exports.columnSums(pdy, pdb, m, n);
        } else {
          exports.weightGradient(px, pdy, pdW, pdb, m, k, n);
        }
        copyBack(dW, pdW, k * n);
        copyBack(db, pdb, n);
      } finally {
        done();
      }
    },
    addScaled(target, source, scale, length) {
      try {
        const pt = output(target, length, true),
          ps = input(source, length);
        exports.addScaled(pt, ps, scale, length);
        copyBack(target, pt, length);
      } finally {
        done();
      }
    },
    momentumStep(value, velocity, gradient, momentum, stepSize, length) {
      try {
        const pv = output(value, length, true),
          pvel = output(velocity, length, true),
          pg = input(gradient, length);
        exports.momentumStep(pv, pvel, pg, momentum, stepSize, length);
        copyBack(value, pv, length);
        copyBack(velocity, pvel, length);
      } finally {
        done();
      }
    },
    nesterovStep(value, velocity, gradient, momentum, stepSize, length) {
      try {
        const pv = output(value, length, true),
          pvel = output(velocity, length, true),
          pg = input(gradient, length);
        exports.nesterovStep(pv, pvel, pg, momentum, stepSize, length);
        copyBack(value, pv, length);
        copyBack(velocity, pvel, length);
      } finally {
        done();
      }
    },
    rmspropStep(value, squares, gradient, rho, epsilon, stepSize, length) {
      try {
        const pv = output(value, length, true),
          ps = output(squares, length, true),
          pg = input(gradient, length);
        exports.rmspropStep(pv, ps, pg, rho, epsilon, stepSize, length);
        copyBack(value, pv, length);
        copyBack(squares, ps, length);
      } finally {
        done();
      }
    },
    adamStep(value, moments, gradient, settings, length) {
      try {
        const pv = output(value, length, true),
          pm = output(moments.first, length, true),
          ps = output(moments.second, length, true),
          pg = input(gradient, length);
        exports.adamStep(
          pv,
          pm,
          ps,
          pg,
          settings.beta1,
          settings.beta2,
          settings.epsilon,
          settings.stepSize,
          settings.firstCorrection,
          settings.secondCorrection,
          length,
        );
        copyBack(value, pv, length);
        copyBack(moments.first, pm, length);
        copyBack(moments.second, ps, length);
      } finally {
        done();
      }
    },
  };
  return kernels;
}
