// The analysis of a network trained by the engine on the digits: confusion matrix, predictions and one traced sample.
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseNetwork, type Analysis } from '../../../engine/analysis/analyseNetwork.js';
import type { PreparedData } from '../../../engine/data/dataSets.js';
import { batchAccuracy } from '../../../engine/training/train.js';
import { networkFromWeights } from '../../../engine/analysis/networkFromWeights.js';
import type { TrainedWeights } from '../../../engine/trainedWeights.js';
import { trainDigits } from './trainedDigits.js';

describe('analyseNetwork on the binary digits', () => {
  let weights: TrainedWeights;
  let data: PreparedData;
  let analysis: Analysis;
  beforeAll(async () => {
    ({ weights, data } = await trainDigits('linear:32,relu,linear:1,sigmoid', 3));
    analysis = analyseNetwork(weights, data, 7);
  });

  it('counts every test sample once in the confusion matrix, with the test accuracy on its diagonal', () => {
    const total = analysis.confusion.flat().reduce((sum, count) => sum + count, 0);
    expect(total).toBe(data.test.size);
    const outputs = networkFromWeights(weights).forward(data.test.features, data.test.size);
    const accuracy = batchAccuracy(data.test.targets, outputs, data.test.size, 1);
    expect((analysis.confusion[0]![0]! + analysis.confusion[1]![1]!) / total).toBeCloseTo(accuracy, 12);
    expect(accuracy).toBeGreaterThan(0.8);
    const truths = [0, 1].map((t) => [...data.test.labels].filter((label) => label === t).length);
    expect(analysis.confusion.map((row) => row[0]! + row[1]!)).toEqual(truths);
  });

  it('gives each test sample a prediction with a confidence between 0.5 and 1', () => {
    const { truth, predicted, confidence } = analysis.predictions;
    expect(truth).toHaveLength(data.test.size);
    expect(predicted).toHaveLength(data.test.size);
    for (const value of confidence) {
      expect(value).toBeGreaterThanOrEqual(0.5);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect([...truth]).toEqual([...data.test.labels]);
  });

  it('traces the chosen sample through every layer, ending in its prediction', () => {
    const { sample } = analysis;
    expect(sample.index).toBe(7);
    expect([...sample.features]).toEqual([...data.test.features.subarray(7 * 64, 8 * 64)]);
    expect(sample.truth).toBe(data.test.labels[7]);
    expect(sample.layers.map((layer) => [layer.index, layer.type, layer.values.length])).toEqual([
      [0, 'linear', 32],
      [1, 'relu', 32],
      [2, 'linear', 1],
      [3, 'sigmoid', 1],
    ]);
    expect(sample.layers[1]!.values.every((value) => value >= 0)).toBe(true);
    const p = sample.layers[3]!.values[0]!;
    expect(analysis.predictions.predicted[7]).toBe(p > 0.5 ? 1 : 0);
    expect(sample.saliency).toHaveLength(64);
    expect(sample.saliency.every((value) => value >= 0)).toBe(true);
  });

  it('shows the first layer as 32 images of 8×8 and has nothing to collapse', () => {
    expect(analysis.firstLayerImages?.images).toHaveLength(32);
    expect(analysis.firstLayerImages?.width).toBe(8);
    expect(analysis.linearCollapse).toEqual([]);
  });

  it('refuses a sample index beyond the test set', () => {
    expect(() => analyseNetwork(weights, data, data.test.size)).toThrow(/test set has 899 samples/);
  });
});

describe('analyseNetwork on the ten digits', () => {
  it('fills a 10×10 confusion matrix whose rows count each class of the test set', async () => {
    const { weights, data } = await trainDigits('linear:16,relu,linear:10,softmax', 2, 'digits');
    const analysis = analyseNetwork(weights, data, 0);
    expect(analysis.classes).toHaveLength(10);
    expect(analysis.confusion.map((row) => row.length)).toEqual(new Array(10).fill(10));
    const perClass = Array.from({ length: 10 }, (_, t) => [...data.test.labels].filter((label) => label === t).length);
    expect(analysis.confusion.map((row) => row.reduce((sum, count) => sum + count, 0))).toEqual(perClass);
    const correct = analysis.confusion.reduce((sum, row, t) => sum + row[t]!, 0);
    expect(correct / data.test.size).toBeGreaterThan(0.8);
    for (const value of analysis.predictions.confidence) {
      expect(value).toBeGreaterThanOrEqual(0.1);
      expect(value).toBeLessThanOrEqual(1);
    }
  });
});
