// The finished runs an engine keeps for its connection (weights and recorded path, by run id) so they need not travel back; pure.
import { LruCache, type CacheLimits } from '../lruCache.js';
import type { TrainedWeights } from '../trainedWeights.js';

/** The last 16 runs used, and at most 256 MB of their values. */
export const RUN_STORE_LIMITS: CacheLimits = { maxEntries: 16, maxBytes: 256 * 1024 * 1024 };

/** What is kept of a finished run. */
export interface KeptRun {
  weights: TrainedWeights;
  /** The flattened parameters before training and after each epoch, when the run recorded them. */
  parameterPath?: Float64Array[] | undefined;
}

/** The bytes a value holds, counting its typed arrays' bytes and 8 for every other leaf (the weights stay opaque here). */
export function retainedBytes(value: unknown): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value === 'string') return 2 * value.length;
  if (typeof value !== 'object' || value === null) return 8;
  let total = 0;
  for (const item of Array.isArray(value) ? value : Object.values(value)) total += retainedBytes(item);
  return total;
}

export class RunStore {
  readonly #runs: LruCache<KeptRun>;

  constructor(limits: CacheLimits = RUN_STORE_LIMITS) {
    this.#runs = new LruCache<KeptRun>(limits, (run) => retainedBytes(run.weights) + retainedBytes(run.parameterPath ?? []));
  }

  /** The number of runs kept. */
  get size(): number {
    return this.#runs.size;
  }

  /** Keeps a run's weights, and its path when given (else the path kept for the same run, if any). */
  keep(runId: string, run: KeptRun): void {
    const parameterPath = run.parameterPath ?? this.#runs.get(runId)?.parameterPath;
    this.#runs.set(runId, { weights: run.weights, ...(parameterPath ? { parameterPath } : {}) });
  }

  /** Adds a recorded path to a kept run. */
  keepPath(runId: string, parameterPath: Float64Array[]): void {
    const run = this.#runs.get(runId);
    if (run) this.#runs.set(runId, { ...run, parameterPath });
  }

  /** The kept run (now the most recently used), or undefined. */
  get(runId: string): KeptRun | undefined {
    return this.#runs.get(runId);
  }

  /** The kept runs' ids, least recently used first. */
  runIds(): string[] {
    return this.#runs.keys();
  }
}
