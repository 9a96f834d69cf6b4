// A run's split as rows of its data: recorded by the loader and the training handler, and a train fraction of 1 that trains on every row with no test phase.
import { describe, expect, it } from 'vitest';
import { readAssetText } from '../../../engine/data/assetFiles.js';
import { createDataLoader } from '../../../engine/data/dataSets.js';
import { parseLabelledCsv } from '../../../engine/data/labelledCsv.js';
import { metricsToCsv } from '../../../engine/export/metricsCsv.js';
import { splitToCsv } from '../../../engine/export/splitCsv.js';
import { plainKernels } from '../../../engine/kernels/plainKernels.js';
import type { EngineEvent } from '../../../engine/protocol/index.js';
import { HyperparametersSchema, EXERCISE_HYPERPARAMETERS } from '../../../engine/training/hyperparameters.js';
import { parseSpecText } from '../../../engine/specText.js';
import { handleRequest } from '../../../engine/worker/handleRequest.js';
import { RunStore } from '../../../engine/worker/runStore.js';
import { PredictionsMemo } from '../../../engine/analysis/predictionsMemo.js';
import { createTrainingHandlers } from '../../../engine/worker/trainingHandler.js';
import { handleExportBuild } from '../../../engine/worker/exportHandler.js';
import { BudgetGuard } from '../../../engine/budget/budgetGuard.js';
import { RequestWork } from '../../../engine/work/requestWork.js';

const loadData = createDataLoader(readAssetText);

async function trainThroughHandler(trainFraction: number, epochs = 2) {
  const events: EngineEvent[] = [];
  const context = {
    send: (event: EngineEvent) => void events.push(event),
    loadData,
    kernels: plainKernels,
    runs: new RunStore(),
    predictions: new PredictionsMemo(),
    isDisposed: () => false,
    work: new RequestWork(),
    budget: new BudgetGuard(),
  };
  const training = createTrainingHandlers();
  await handleRequest(
    training.handlers,
    {
      type: 'train.start',
      runId: 'split',
      spec: parseSpecText('linear:4,relu,linear:3,softmax', 4),
      dataSet: 'iris',
      hyper: { ...EXERCISE_HYPERPARAMETERS, epochs, batchSize: 5, learningRate: 0.01, trainFraction },
    },
    context,
  );
  const finished = events.find((e) => e.type === 'train.finished');
  if (finished?.type !== 'train.finished') throw new Error(`no train.finished: ${JSON.stringify(events.find((e) => e.type === 'error'))}`);
  return finished;
}

describe('the rows of a split', () => {
  it('names every row of the data once, on one side, and the training samples are those rows in that order', async () => {
    const data = await loadData('iris', { trainFraction: 0.6, seed: 7, normalisation: 'none' });
    const table = parseLabelledCsv(readAssetText('iris.csv'));
    expect(data.split.train).toHaveLength(90);
    expect(data.split.test).toHaveLength(60);
    expect([...data.split.train, ...data.split.test].sort((a, b) => a - b)).toEqual(Array.from({ length: 150 }, (_, i) => i));
    for (const [i, row] of [...data.split.test].entries()) {
      expect(Array.from(data.test.features.subarray(i * 4, i * 4 + 4))).toEqual(Array.from(table.features.subarray(row * 4, row * 4 + 4)));
      expect(data.test.labels[i]).toBe(table.labels[row]);
    }
  });

  it('is the same for the same seed and differs for another', async () => {
    const a = await loadData('digits-binary', { trainFraction: 0.5, seed: 1 });
    const b = await loadData('digits-binary', { trainFraction: 0.5, seed: 1 });
    const c = await loadData('digits-binary', { trainFraction: 0.5, seed: 2 });
    expect(Array.from(a.split.train)).toEqual(Array.from(b.split.train));
    expect(Array.from(a.split.train)).not.toEqual(Array.from(c.split.train));
  });

  it('travels with the finished run and is written as split.csv, training rows first', async () => {
    const finished = await trainThroughHandler(0.8, 1);
    expect(finished.split.train).toBeInstanceOf(Int32Array);
    expect(finished.split.train).toHaveLength(120);
    expect(finished.split.test).toHaveLength(30);
    expect(finished.seconds).toBeGreaterThanOrEqual(0);
    const lines = splitToCsv(finished.split).trim().split('\n');
    expect(lines[0]).toBe('row,set');
    expect(lines[1]).toBe(`${finished.split.train[0]},train`);
    expect(lines.at(-1)).toBe(`${finished.split.test.at(-1)},test`);
    expect(lines).toHaveLength(151);
    const file = await handleExportBuild(
      { type: 'export.build', requestId: 'x', format: 'split.csv', split: finished.split },
      { loadData, kernels: plainKernels },
    );
    if (file.type !== 'export.file') throw new Error(file.message);
    expect(new TextDecoder().decode(file.bytes)).toBe(splitToCsv(finished.split));
    expect(await handleExportBuild({ type: 'export.build', requestId: 'x', format: 'split.csv' }, { loadData, kernels: plainKernels })).toMatchObject({
      type: 'error',
      field: 'split',
    });
  });
});

describe('a train fraction of 1', () => {
  it('is accepted, and refused above 1', () => {
    expect(HyperparametersSchema.safeParse({ ...EXERCISE_HYPERPARAMETERS, trainFraction: 1 }).success).toBe(true);
    const over = HyperparametersSchema.safeParse({ ...EXERCISE_HYPERPARAMETERS, trainFraction: 1.2 });
    expect(over.success ? '' : over.error.issues[0]!.message).toBe('train fraction must be between 0 and 1');
  });

  it('trains on every row with no test phase: the test metrics are absent, not zero', async () => {
    const finished = await trainThroughHandler(1, 3);
    expect(finished.reason).toBe('completed');
    expect(finished.split.train).toHaveLength(150);
    expect(finished.split.test).toHaveLength(0);
    expect(finished.history).toHaveLength(3);
    for (const epoch of finished.history) {
      expect(epoch).not.toHaveProperty('testLoss');
      expect(epoch).not.toHaveProperty('testAccuracy');
      expect(epoch.trainAccuracy).toBeGreaterThan(0);
    }
    expect(metricsToCsv(finished.history).split('\n')[0]).toBe('epoch,train_loss,train_accuracy');
    expect(metricsToCsv(finished.history).split('\n')[1]!.split(',')).toHaveLength(3);
  });
});
