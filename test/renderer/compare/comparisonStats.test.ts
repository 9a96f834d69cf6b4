// A comparison's figures (plain Node): the band of each epoch over the seeds, the results table and its CSV.
import { describe, expect, it } from 'vitest';
import type { CompareRun } from '../../../engine/protocol/compare.js';
import { epochsCsv, resultsCsv } from '../../../renderer/compare/comparisonCsv.js';
import { bandOf, resultRows, summarize } from '../../../renderer/compare/comparisonStats.js';

const run = (network: number, seed: number, accuracies: number[]): CompareRun => ({
  type: 'compare.run',
  requestId: 'c',
  network,
  seed,
  reason: 'completed',
  message: 'completed',
  history: accuracies.map((a, i) => ({ epoch: i + 1, trainLoss: 1 - a, trainAccuracy: a, testLoss: 1 - a, testAccuracy: a })),
  parameterCount: 65,
  seconds: seed,
});

describe('comparison figures', () => {
  it('gives the mean with the min–max band or ±1 standard deviation per epoch', () => {
    const runs = [run(0, 1, [0.5, 0.8]), run(0, 2, [0.7, 0.9]), run(0, 3, [0.6, 1])];
    expect(bandOf(runs, 'testAccuracy', 'min-max')).toEqual([
      { x: 1, mean: expect.closeTo(0.6, 12), low: 0.5, high: 0.7 },
      { x: 2, mean: expect.closeTo(0.9, 12), low: 0.8, high: 1 },
    ]);
    const sd = Math.sqrt(2 / 300);
    const [first] = bandOf(runs, 'testAccuracy', 'sd');
    expect(first!.low).toBeCloseTo(0.6 - sd, 12);
    expect(first!.high).toBeCloseTo(0.6 + sd, 12);
  });

  it('summarises each network over its finished runs, and leaves a network with none empty', () => {
    const rows = resultRows(['a', 'b'], [run(0, 1, [0.9]), run(0, 2, [0.7])]);
    expect(rows[0]).toMatchObject({ name: 'a', runs: 2, parameters: 65, accuracy: summarize([0.9, 0.7]), seconds: { mean: 1.5 } });
    expect(rows[1]).toMatchObject({ name: 'b', runs: 0, accuracy: undefined, parameters: undefined });
    expect(resultsCsv(rows).split('\n')[1]).toBe(
      `a,65,2,${summarize([0.9, 0.7]).mean},${summarize([0.9, 0.7]).sd},0.7,0.9,${summarize([1 - 0.9, 1 - 0.7]).mean},${summarize([1 - 0.9, 1 - 0.7]).sd},1.5,0`,
    );
  });

  it('writes every epoch of every run, quoting a name with a comma', () => {
    const text = epochsCsv(['net, wide'], [run(0, 4, [0.5])]);
    expect(text).toBe('network,seed,epoch,train_loss,train_accuracy,test_loss,test_accuracy\n"net, wide",4,1,0.5,0.5,0.5,0.5\n');
  });
});
