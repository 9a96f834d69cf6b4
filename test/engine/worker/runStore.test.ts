// The engine's store of a connection's finished runs: kept by id with their path, let go oldest first by count and by bytes.
import { describe, expect, it } from 'vitest';
import { RunStore, retainedBytes, type KeptRun } from '../../../engine/worker/runStore.js';
import type { TrainedWeights } from '../../../engine/trainedWeights.js';

/** Weights of one Linear layer with `values` parameters in W. */
const weights = (values: number): TrainedWeights =>
  ({
    spec: { input: values, layers: [{ type: 'linear', units: 1 }] },
    parameters: [
      { layer: 0, name: 'W', shape: [values, 1], values: new Float64Array(values) },
      { layer: 0, name: 'b', shape: [1], values: new Float64Array(1) },
    ],
  }) as unknown as TrainedWeights;

describe('the run store', () => {
  it('answers a kept run by id with its weights and path, and nothing for an id it never kept', () => {
    const store = new RunStore();
    const path = [new Float64Array(3), new Float64Array(3)];
    store.keep('r1', { weights: weights(2), parameterPath: path });
    expect(store.get('r1')?.parameterPath).toBe(path);
    expect(store.get('r2')).toBeUndefined();
  });

  it('lets go of the least recently used run beyond its count', () => {
    const store = new RunStore({ maxEntries: 2, maxBytes: 1e9 });
    store.keep('r1', { weights: weights(2) });
    store.keep('r2', { weights: weights(2) });
    store.get('r1');
    store.keep('r3', { weights: weights(2) });
    expect(store.runIds()).toEqual(['r1', 'r3']);
  });

  it('keeps runs within its byte budget, counting weights and path', () => {
    const run: KeptRun = { weights: weights(1000), parameterPath: [new Float64Array(1001)] };
    const size = retainedBytes(run.weights) + retainedBytes(run.parameterPath);
    expect(size).toBeGreaterThan(16_000);
    const store = new RunStore({ maxEntries: 10, maxBytes: Math.floor(size * 2.5) });
    for (const id of ['a', 'b', 'c']) store.keep(id, run);
    expect(store.runIds()).toEqual(['b', 'c']);
  });

  it("adds a path to a kept run and keeps a run's path when its weights are kept again without one", () => {
    const store = new RunStore();
    store.keep('r1', { weights: weights(2) });
    const path = [new Float64Array(3)];
    store.keepPath('r1', path);
    store.keep('r1', { weights: weights(2) });
    expect(store.get('r1')?.parameterPath).toBe(path);
    store.keepPath('unknown', path);
    expect(store.get('unknown')).toBeUndefined();
  });
});
