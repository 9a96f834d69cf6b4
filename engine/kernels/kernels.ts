// The hot numeric kernels behind one small interface, so a faster implementation can replace the plain one; pure, any process.

/**
 * Every matrix is a row-major Float64Array; sizes are passed explicitly so callers can reuse buffers.
 * Kernels write into `out` and never allocate. Any implementation must give results equal to
 * {@link plainKernels} within round-off.
 */
export interface Kernels {
  /** out[m×n] = a[m×k] · b[k×n] (the forward x·W). */
  matmul(a: Float64Array, b: Float64Array, out: Float64Array, m: number, k: number, n: number): void;
  /** out[m×k] = a[m×n] · bᵀ, where b is k×n (the backward dy·Wᵀ). */
  matmulTransposeB(a: Float64Array, b: Float64Array, out: Float64Array, m: number, n: number, k: number): void;
  /** out[k×n] = aᵀ · b, where a is m×k and b is m×n (the weight gradient xᵀ·dy). */
  matmulTransposeA(a: Float64Array, b: Float64Array, out: Float64Array, m: number, k: number, n: number): void;
  /** out[m×n] = a[m×k] · b[k×n] + bias, the bias added to every row after the sum (a Linear layer's forward in one call). */
  affine(a: Float64Array, b: Float64Array, bias: Float64Array, out: Float64Array, m: number, k: number, n: number): void;
  /** out[i, j] += row[j] for every row i of the m×n matrix out (the bias add). */
  addRowVector(out: Float64Array, row: Float64Array, m: number, n: number): void;
  /** out[j] = Σ_i a[i, j] over the m rows of the m×n matrix a (the bias gradient). */
  columnSums(a: Float64Array, out: Float64Array, m: number, n: number): void;
  /** out = max(0, x), elementwise over the first `length` values. */
  relu(x: Float64Array, out: Float64Array, length: number): void;
  /** dx = dy where x > 0, else 0. */
  reluBackward(x: Float64Array, dy: Float64Array, dx: Float64Array, length: number): void;
  /** out = 1 / (1 + e^(−x)), computed without overflow for any x. */
  sigmoid(x: Float64Array, out: Float64Array, length: number): void;
  /** dx = dy · y · (1 − y), given the sigmoid's output y. */
  sigmoidBackward(y: Float64Array, dy: Float64Array, dx: Float64Array, length: number): void;
  /**
   * dW[k×n] = xᵀ·dy and db[n] = the column sums of dy, for x m×k and dy m×n: a Linear layer's parameter gradients in
   * one call, equal to {@link Kernels.matmulTransposeA} then {@link Kernels.columnSums} bit for bit.
   */
  weightGradient(x: Float64Array, dy: Float64Array, dW: Float64Array, db: Float64Array, m: number, k: number, n: number): void;
  /** target += scale · source (the SGD update with scale = −learning rate). */
  addScaled(target: Float64Array, source: Float64Array, scale: number, length: number): void;
  /** SGD with momentum over one parameter tensor: v ← μ·v + g, then value −= step · v. */
  momentumStep(value: Float64Array, velocity: Float64Array, gradient: Float64Array, momentum: number, stepSize: number, length: number): void;
  /** Nesterov momentum over one parameter tensor: v ← μ·v + g, then value −= step · (g + μ·v). */
  nesterovStep(value: Float64Array, velocity: Float64Array, gradient: Float64Array, momentum: number, stepSize: number, length: number): void;
  /** RMSProp over one parameter tensor: s ← ρ·s + ((1 − ρ)·g)·g, then value −= (step · g) / (√s + ε). */
  rmspropStep(value: Float64Array, squares: Float64Array, gradient: Float64Array, rho: number, epsilon: number, stepSize: number, length: number): void;
  /**
   * Adam over one parameter tensor, given this step's bias corrections c₁ = 1 − β₁ᵗ and c₂ = 1 − β₂ᵗ:
   * m ← β₁·m + (1 − β₁)·g, v ← β₂·v + ((1 − β₂)·g)·g, then value −= (step · (m / c₁)) / (√(v / c₂) + ε).
   */
  adamStep(value: Float64Array, moments: AdamMoments, gradient: Float64Array, settings: AdamStepSettings, length: number): void;
  /**
   * A zeroed array of `length` values in the kernels' own memory, which they read and write in place (given any
   * other array they copy it in and out). Only implementations with a memory of their own have it.
   */
  allocate?(length: number): Float64Array;
  /**
   * Runs `work` and gives the memory of every array it allocated back as soon as it returns, instead of when the
   * collector finds them: for work (an estimate, a probe) whose arrays never outlive it. Only implementations with a
   * memory of their own have it.
   */
  releasing?<T>(work: () => T): T;
  /**
   * A region of the kernels' own memory, for work that may wait (a training run, any request): its kernels are these
   * kernels, except that the arrays they allocate belong to the region, and `release` gives them all back at once. Only
   * implementations with a memory of their own have it.
   */
  region?(): KernelRegion;
  /** How much of the kernels' own memory is in use. Only implementations with a memory of their own have it. */
  memoryUse?(): KernelMemoryUse;
}

/** Arrays allocated together and given back together (see Kernels.region). */
export interface KernelRegion<K extends Kernels = Kernels> {
  /** The same kernels, allocating into this region (ordinary collected arrays once it is released). */
  readonly kernels: K;
  /** Gives back every array the region's kernels allocated: none of them may be read or written after. Idempotent. */
  release(): void;
}

/** The kernels' own memory: the bytes in blocks handed out and not given back, the bytes it has grown to, and its cap. */
export interface KernelMemoryUse {
  inUseBytes: number;
  /** Of the bytes in use, those of the kernels' own scratch, where they copy arrays from elsewhere (it grows to the largest call's). */
  scratchBytes: number;
  reservedBytes: number;
  capacityBytes: number;
}

/** Adam's two running moments of one parameter tensor. */
export interface AdamMoments {
  first: Float64Array;
  second: Float64Array;
}

/** One Adam step's constants: the betas, ε, the step size and the bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ. */
export interface AdamStepSettings {
  beta1: number;
  beta2: number;
  epsilon: number;
  stepSize: number;
  firstCorrection: number;
  secondCorrection: number;
}

/** Runs `work`, with the memory it allocated in `kernels` given back when it returns where the kernels can (see Kernels.releasing). */
export function releasingIn<T>(kernels: Kernels | undefined, work: () => T): T {
  return kernels?.releasing ? kernels.releasing(work) : work();
}

/**
 * Runs `work` with kernels whose arrays live in a region of their own, given back when the work settles (where the
 * kernels have a memory of their own; else with `kernels` as they are). Nothing the work allocated may outlive it.
 */
export async function inKernelRegion<T>(kernels: Kernels, work: (kernels: Kernels) => Promise<T>): Promise<T> {
  const region = kernels.region?.();
  if (!region) return work(kernels);
  try {
    return await work(region.kernels);
  } finally {
    region.release();
  }
}

/** A zeroed array of `length` values where `kernels` work fastest: their own memory when they have one. */
export function allocateFor(kernels: Kernels | undefined, length: number): Float64Array {
  return kernels?.allocate ? kernels.allocate(length) : new Float64Array(length);
}
