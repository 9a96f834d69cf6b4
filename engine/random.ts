// Seeded pseudo-random numbers (mulberry32) for initialisation, shuffling and splitting; pure, any process.

/** A seeded source of uniform numbers in [0, 1). */
export interface Random {
  /** The next uniform number in [0, 1). */
  next(): number;
}

/**
 * Creates mulberry32, Tommy Ettinger's 32-bit generator (public domain): one 32-bit word of state,
 * period 2^32, passes gjrand/PractRand to 2^32 outputs; plenty for shuffling and initialising small networks.
 * The same seed always gives the same sequence, on every JavaScript engine.
 */
export function createRandom(seed: number): Random {
  // The state in a Uint32Array slot, which wraps as `>>> 0` does: a closure variable holding a word of 2^30 or more made a heap number at each draw.
  const state = new Uint32Array([seed >>> 0]);
  return {
    next(): number {
      state[0] = state[0]! + 0x6d2b79f5;
      let t = state[0]!;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/**
 * Derives an independent stream from a run's seed, so that e.g. the data split does not change when the
 * network (and so the number of draws for initialisation) changes.
 */
export function deriveRandom(seed: number, stream: number): Random {
  return createRandom((Math.imul(seed >>> 0, 0x9e3779b1) + Math.imul(stream + 1, 0x85ebca77)) >>> 0);
}

/** A uniform number in [low, high). */
export function uniform(random: Random, low: number, high: number): number {
  return low + (high - low) * random.next();
}

/** A random permutation of 0..n-1 (Fisher–Yates), like NumPy's `permutation(n)` in spirit. */
export function permutation(random: Random, n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    const held = order[i];
    order[i] = order[j];
    order[j] = held;
  }
  return order;
}

/** A standard normal number by the Box–Muller transform (two uniform draws per number, so the stream stays simple). */
export function standardNormal(random: Random): number {
  const u = 1 - random.next(); // in (0, 1], so the logarithm is finite
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
