// A matrix product shared by several threads over one shared WebAssembly memory: the job's layout in the control block, how a thread claims a part of it and computes that part; pure, any thread.

/** The WebAssembly functions a thread computes parts with (each thread has its own instance over the same memory). */
export interface PartExports {
  gemmPart(a: number, rs: number, ss: number, b: number, out: number, inner: number, cols: number, i0: number, i1: number, j0: number, j1: number): void;
  transposePart(b: number, scratch: number, n: number, k: number, p0: number, p1: number): void;
}

/** Bytes the control block takes at the start of the memory (the arena hands out nothing below). */
export const CONTROL_BYTES = 128;

/** Int32 slots of the control block. STATE holds the job's generation above its next unclaimed part: (generation << 12) | next. */
const STATE = 0;
const DONE = 1;
const COUNT = 2;
const OPERATION = 3;
const BY_COLUMNS = 4;
const PART_SIZE = 5;
const A = 6;
const ROW_STRIDE = 7;
const SUM_STRIDE = 8;
const B = 9;
const OUT = 10;
const INNER = 11;
const COLS = 12;
const ROWS = 13;
const SOURCE = 14;
/** How many helpers sleep in Atomics.wait on STATE (the job's starter wakes them only then). */
const SLEEPING = 16;
/** The control block's length in Int32 slots. */
export const CONTROL_SLOTS = 32;

const PART_BITS = 12;
const PART_MASK = (1 << PART_BITS) - 1;
/** At most this many parts in one job (they count in the low bits of STATE). */
export const MAX_PARTS = PART_MASK;

/** What a job computes: out = A·B over a block of rows or columns at a time, or (transpose) Bᵀ's columns first, then those. */
export interface ProductJob {
  /** 0: out[rows×cols] = A·B; 1: B is `source` (cols×inner) transposed, part by part, into `b` first (the product dy·Wᵀ). */
  operation: 0 | 1;
  a: number;
  rowStride: number;
  sumStride: number;
  b: number;
  out: number;
  rows: number;
  inner: number;
  cols: number;
  source: number;
}

/**
 * Writes `job` into the control block and opens it as generation `generation`, split into parts of whole 4-row or
 * 4-column blocks (columns when the output is at least as wide as it is tall, and always for the transposing product),
 * about `parts` of them; returns its part count. It allocates nothing: it runs for every large product of a step.
 */
export function openJob(control: Int32Array, generation: number, job: ProductJob, parts: number): number {
  const byColumns = job.operation === 1 || job.cols >= job.rows;
  const extent = byColumns ? job.cols : job.rows;
  const size = Math.max(4, Math.ceil(extent / parts / 4) * 4);
  const count = Math.min(MAX_PARTS, Math.ceil(extent / size));
  control[OPERATION] = job.operation;
  control[BY_COLUMNS] = byColumns ? 1 : 0;
  control[PART_SIZE] = size;
  control[A] = job.a;
  control[ROW_STRIDE] = job.rowStride;
  control[SUM_STRIDE] = job.sumStride;
  control[B] = job.b;
  control[OUT] = job.out;
  control[INNER] = job.inner;
  control[COLS] = job.cols;
  control[ROWS] = job.rows;
  control[SOURCE] = job.source;
  control[COUNT] = count;
  Atomics.store(control, DONE, 0);
  Atomics.store(control, STATE, generation << PART_BITS);
  if (Atomics.load(control, SLEEPING) > 0) Atomics.notify(control, STATE);
  return count;
}

/**
 * Claims the next part of the open job and computes it; false when none is left. The claim is a compare-and-swap on
 * STATE made after reading the job, so a thread that read a job being replaced never computes with it.
 */
export function computeNextPart(control: Int32Array, exports: PartExports): boolean {
  for (;;) {
    const state = Atomics.load(control, STATE);
    const part = state & PART_MASK;
    const count = Atomics.load(control, COUNT);
    if (part >= count) return false;
    const operation = control[OPERATION]!,
      byColumns = control[BY_COLUMNS] === 1,
      size = control[PART_SIZE]!,
      a = control[A]!,
      rowStride = control[ROW_STRIDE]!,
      sumStride = control[SUM_STRIDE]!,
      b = control[B]!,
      out = control[OUT]!,
      inner = control[INNER]!,
      cols = control[COLS]!,
      rows = control[ROWS]!,
      source = control[SOURCE]!;
    if (Atomics.compareExchange(control, STATE, state, state + 1) !== state) continue;
    const start = part * size;
    const end = Math.min(start + size, byColumns ? cols : rows);
    if (byColumns) {
      if (operation === 1) exports.transposePart(source, b, inner, cols, start, end);
      exports.gemmPart(a, rowStride, sumStride, b, out, inner, cols, 0, rows, start, end);
    } else {
      exports.gemmPart(a, rowStride, sumStride, b, out, inner, cols, start, end, 0, cols);
    }
    Atomics.add(control, DONE, 1);
    return true;
  }
}

/** Whether every part of a job of `count` parts has been computed. */
export function jobDone(control: Int32Array, count: number): boolean {
  return Atomics.load(control, DONE) >= count;
}

/** The state a helper last saw, to wait on until a new job opens. */
export function jobState(control: Int32Array): number {
  return Atomics.load(control, STATE);
}

/** Blocks the calling (helper) thread until the state is no longer `seen`; openJob wakes it. */
export function sleepUntilNewJob(control: Int32Array, seen: number): void {
  Atomics.add(control, SLEEPING, 1);
  Atomics.wait(control, STATE, seen);
  Atomics.sub(control, SLEEPING, 1);
}

/** The generation after `generation` (it wraps within the bits above the part count). */
export function nextGeneration(generation: number): number {
  return (generation + 1) & ((1 << (31 - PART_BITS)) - 1);
}
