// Architectures compared over seeds through the protocol: the exercise's table, a misfit named before anything trains, a stop that keeps the finished runs.
import { describe, expect, it } from 'vitest';
import { readAssetText } from '../../../engine/data/assetFiles.js';
import { createDataLoader } from '../../../engine/data/dataSets.js';
import { defaultKernels } from '../../../engine/kernels/defaultKernels.js';
import type { CompareRun, CompareStart } from '../../../engine/protocol/compare.js';
import type { EngineEvent } from '../../../engine/protocol/index.js';
import { parseSpecText } from '../../../engine/specText.js';
import { EXERCISE_HYPERPARAMETERS } from '../../../engine/training/hyperparameters.js';
import { createCompareHandlers, PROGRESS_INTERVAL_MS } from '../../../engine/worker/compareHandler.js';
import { EPOCH_BURST } from '../../../engine/training/train.js';
import { handleRequest } from '../../../engine/worker/handleRequest.js';
import { RunStore } from '../../../engine/worker/runStore.js';
import { PredictionsMemo } from '../../../engine/analysis/predictionsMemo.js';
import { BudgetGuard } from '../../../engine/budget/budgetGuard.js';
import { RequestWork } from '../../../engine/work/requestWork.js';

const loadData = createDataLoader(readAssetText);
const EXERCISE_NETWORKS = [
  ['64-32-ReLU-1-Sigmoid', 'linear:32,relu,linear:1,sigmoid'],
  ['64-32-1-Sigmoid (no ReLU)', 'linear:32,linear:1,sigmoid'],
  ['64-1-Sigmoid', 'linear:1,sigmoid'],
  ['64-32-16-8-1', 'linear:32,relu,linear:16,relu,linear:8,relu,linear:1,sigmoid'],
] as const;

function compare(
  networks: readonly (readonly [string, string])[],
  seeds: number[],
  hyper: Partial<CompareStart['hyper']> = {},
  onEvent?: (event: EngineEvent) => void,
) {
  const events: EngineEvent[] = [];
  const compares = createCompareHandlers();
  const context = {
    send: (event: EngineEvent) => {
      events.push(event);
      onEvent?.(event);
    },
    loadData,
    kernels: defaultKernels,
    runs: new RunStore(),
    predictions: new PredictionsMemo(),
    isDisposed: () => false,
    work: new RequestWork(),
    budget: new BudgetGuard(),
  };
  const request: CompareStart = {
    type: 'compare.start',
    requestId: 'c',
    networks: networks.map(([name, net]) => ({ name, spec: parseSpecText(net, 64) })),
    seeds,
    dataSet: 'digits-binary',
    hyper: { ...EXERCISE_HYPERPARAMETERS, ...hyper },
  };
  const done = handleRequest(compares.handlers, request, context);
  return { events, done, stop: () => handleRequest(compares.handlers, { type: 'compare.stop', requestId: 'c' }, context) };
}

const runsOf = (events: EngineEvent[]) => events.filter((e): e is CompareRun => e.type === 'compare.run');

describe('compare.start', () => {
  it("reproduces the exercise's table over 5 seeds: about 0.97, 0.89, 0.89 and 0.97", async () => {
    const { events, done } = compare(EXERCISE_NETWORKS, [1, 2, 3, 4, 5]);
    await done;
    const runs = runsOf(events);
    expect(runs).toHaveLength(20);
    const means = EXERCISE_NETWORKS.map((_, n) => {
      const finals = runs.filter((r) => r.network === n).map((r) => r.history.at(-1)!.testAccuracy!);
      return finals.reduce((a, b) => a + b, 0) / finals.length;
    });
    [0.97, 0.89, 0.89, 0.97].forEach((expected, n) => expect(Math.abs(means[n]! - expected)).toBeLessThan(0.025));
    expect(runs.map((r) => r.parameterCount).slice(0, 4)).toEqual([2113, 2113, 65, 2753]);
    expect(events.at(-1)).toEqual({ type: 'compare.finished', requestId: 'c', reason: 'completed', runsDone: 20, runs: 20 });
  });

  it("trains seed by seed, every network in turn, with progress after each of a run's first epochs", async () => {
    const { events, done } = compare(EXERCISE_NETWORKS.slice(0, 2), [7, 8], { epochs: 2 });
    await done;
    expect(runsOf(events).map((r) => [r.network, r.seed])).toEqual([
      [0, 7],
      [1, 7],
      [0, 8],
      [1, 8],
    ]);
    const progress = events.filter((e) => e.type === 'compare.progress');
    expect(progress).toHaveLength(4 * 3);
    expect(progress.at(-1)).toMatchObject({ network: 1, seed: 8, epoch: 2, epochs: 2, runsDone: 3, runs: 4 });
  });

  it("reports a long run's progress after its first epochs a few times a second, and after its last", async () => {
    const started = Date.now();
    const { events, done } = compare([EXERCISE_NETWORKS[2]], [1], { epochs: 400 });
    await done;
    const seconds = (Date.now() - started) / 1000;
    const epochs = events.filter((e) => e.type === 'compare.progress').map((e) => (e as { epoch: number }).epoch);
    expect(epochs.slice(0, EPOCH_BURST + 1)).toEqual(Array.from({ length: EPOCH_BURST + 1 }, (_, i) => i));
    expect(epochs.at(-1)).toBe(400);
    expect(epochs.length).toBeLessThanOrEqual(EPOCH_BURST + 2 + Math.ceil((seconds * 1000) / PROGRESS_INTERVAL_MS));
    expect(epochs.length).toBeLessThan(400);
  });

  it('names every network that does not fit the data, and trains nothing', async () => {
    const { events, done } = compare(
      [
        ['fits', 'linear:1,sigmoid'],
        ['ten outputs', 'linear:10,softmax'],
      ],
      [1, 2],
    );
    await done;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'error', requestId: 'c', field: 'networks.1.spec.layers.1' });
    expect((events[0] as { message: string }).message).toBe(
      '"ten outputs": digits-binary needs 1 output (the probability of the positive class) but the network gives 10',
    );
  });

  it('refuses a comparison without a test set', async () => {
    const { events, done } = compare([['fits', 'linear:1,sigmoid']], [1], { trainFraction: 1 });
    await done;
    expect(events[0]).toMatchObject({ type: 'error', field: 'hyper.trainFraction', message: 'a comparison needs a test set: use a train fraction below 1' });
  });

  it('keeps the runs that finished when it is stopped, and drops the one in progress', async () => {
    let stop: () => unknown = () => undefined;
    const comparison = compare(EXERCISE_NETWORKS.slice(0, 2), [1, 2, 3], { epochs: 3 }, (event) => {
      if (event.type === 'compare.run' && event.network === 1) void stop();
    });
    stop = comparison.stop;
    await comparison.done;
    const runs = runsOf(comparison.events);
    expect(runs.map((r) => [r.network, r.seed])).toEqual([
      [0, 1],
      [1, 1],
    ]);
    expect(runs.every((r) => r.history.length === 3)).toBe(true);
    expect(comparison.events.at(-1)).toEqual({ type: 'compare.finished', requestId: 'c', reason: 'stopped', runsDone: 2, runs: 6 });
  });
});
