// The predictions memo: one making per weights and data, shared by requests that ask at once or later, and a failed making made again.
import { describe, expect, it } from 'vitest';
import { PredictionsMemo } from '../../../engine/analysis/predictionsMemo.js';
import type { Predictions } from '../../../engine/analysis/predictions.js';
import type { TrainedWeights } from '../../../engine/trainedWeights.js';
import { handleAnalysis } from '../../../engine/worker/analysisHandler.js';
import { engineContext, trainDigits } from './trainedDigits.js';

const weightsLike = (): TrainedWeights => ({ spec: { input: 2, layers: [{ type: 'linear', units: 1 }] }, parameters: [] });
const predictionsOf = (n: number): Predictions => ({ truth: new Int32Array(n), predicted: new Int32Array(n), confidence: new Float64Array(n) });

describe('the predictions memo', () => {
  it('makes the predictions once for requests that ask at the same time and after, per weights and data', async () => {
    const memo = new PredictionsMemo();
    const weights = weightsLike();
    let made = 0;
    const make = async () => predictionsOf(++made);
    const [a, b] = await Promise.all([memo.of(weights, 'test', make), memo.of(weights, 'test', make)]);
    const c = await memo.of(weights, 'test', make);
    expect(made).toBe(1);
    expect(b).toBe(a);
    expect(c).toBe(a);
    await memo.of(weights, 'other data', make);
    await memo.of(weightsLike(), 'test', make);
    expect(made).toBe(3);
  });

  it('makes them again for a later request when the earlier making failed (its request was stopped)', async () => {
    const memo = new PredictionsMemo();
    const weights = weightsLike();
    await expect(memo.of(weights, 'test', () => Promise.reject(new Error('stopped')))).rejects.toThrow('stopped');
    const again = await memo.of(weights, 'test', async () => predictionsOf(4));
    expect(again.truth.length).toBe(4);
  });

  it('lets analysis.run trace a second sample of a run without predicting its test set again', async () => {
    const { weights, analysed } = await trainDigits('linear:8,relu,linear:1,sigmoid', 1);
    const context = engineContext();
    const first = await handleAnalysis({ type: 'analysis.run', requestId: 'a', weights, data: analysed, sampleIndex: 0 }, context);
    const second = await handleAnalysis({ type: 'analysis.run', requestId: 'b', weights, data: analysed, sampleIndex: 5 }, context);
    if (first.type !== 'analysis.report' || second.type !== 'analysis.report') throw new Error('expected two reports');
    expect(second.sample.index).toBe(5);
    expect(second.predictions.predicted).toBe(first.predictions.predicted);
    // A fresh context (another connection) predicts again, and gets the same classes.
    const fresh = await handleAnalysis({ type: 'analysis.run', requestId: 'c', weights, data: analysed, sampleIndex: 5 }, engineContext());
    if (fresh.type !== 'analysis.report') throw new Error(fresh.message);
    expect(fresh.predictions.predicted).not.toBe(first.predictions.predicted);
    expect(Array.from(fresh.predictions.predicted)).toEqual(Array.from(first.predictions.predicted));
  });
});
