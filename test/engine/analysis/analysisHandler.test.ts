// analysis.run through the engine service: a run trained by the engine analysed, and bad input answered with the field at fault.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisReport } from '../../../engine/protocol/analysis.js';
import type { ErrorEvent } from '../../../engine/protocol/errors.js';
import type { EngineEvent } from '../../../engine/protocol/index.js';
import type { TrainFinished } from '../../../engine/protocol/training.js';
import type { TrainedWeights } from '../../../engine/trainedWeights.js';
import { handleAnalysis } from '../../../engine/worker/analysisHandler.js';
import { createInProcessEngine } from '../../../engine/worker/inProcessEntry.js';
import { createEventLog, isFinished } from '../support/eventLog.js';
import { linearTensors } from '../support/linearTensors.js';
import { engineContext } from './trainedDigits.js';

const data = { dataSet: 'digits-binary' as const, trainFraction: 0.5, seed: 2 };

function analysisRequest(weights: TrainedWeights, extra: Record<string, unknown> = {}) {
  return { type: 'analysis.run' as const, requestId: 'a1', weights, data, ...extra };
}

async function errorOf(request: Parameters<typeof handleAnalysis>[0]): Promise<ErrorEvent> {
  const answer = await handleAnalysis(request, engineContext());
  if (answer.type !== 'error') throw new Error('expected an error event');
  return answer;
}

describe('analysis.run', () => {
  let finished: TrainFinished;
  beforeAll(async () => {
    const log = createEventLog();
    const engine = createInProcessEngine((event) => log.push(event));
    engine.receive({
      type: 'train.start',
      runId: 'r1',
      spec: { input: 64, layers: [{ type: 'linear', units: 8 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }] },
      dataSet: 'digits-binary',
      hyper: { epochs: 2, learningRate: 0.01, batchSize: 10, reduction: 'sum', trainFraction: 0.5, seed: 2 },
    });
    finished = await log.next(isFinished('r1'));
    engine.dispose();
  });

  it('answers a run the engine trained with a report over its test set', async () => {
    const log = createEventLog();
    const engine = createInProcessEngine((event) => log.push(event));
    engine.receive(analysisRequest(finished.weights, { sampleIndex: 3 }));
    const report = await log.next((event: EngineEvent): event is AnalysisReport | ErrorEvent => event.type === 'analysis.report' || event.type === 'error');
    engine.dispose();
    if (report.type !== 'analysis.report') throw new Error(report.message);
    expect(report.requestId).toBe('a1');
    expect(report.confusion.flat().reduce((a, b) => a + b, 0)).toBe(899);
    expect(report.sample.index).toBe(3);
    const correct = report.confusion[0]![0]! + report.confusion[1]![1]!;
    expect(correct / 899).toBeGreaterThan(0.8);
  });

  it('names sampleIndex when it lies beyond the test set', async () => {
    const error = await errorOf(analysisRequest(finished.weights, { sampleIndex: 899 }));
    expect(error).toMatchObject({ requestId: 'a1', field: 'sampleIndex' });
    expect(error.message).toMatch(/899 samples/);
  });

  it('names the weights when their network takes another input width', async () => {
    const weights: TrainedWeights = {
      spec: { input: 13, layers: [{ type: 'linear', units: 1 }, { type: 'sigmoid' }] },
      parameters: linearTensors(0, 13, 1, new Float64Array(13), new Float64Array(1)),
    };
    const error = await errorOf(analysisRequest(weights));
    expect(error.field).toBe('weights');
    expect(error.message).toBe("the weights' network takes 13 inputs but digits-binary has 64 features");
  });

  it('names the weights when their network gives another output width', async () => {
    const weights: TrainedWeights = {
      spec: { input: 64, layers: [{ type: 'linear', units: 10 }, { type: 'softmax' }] },
      parameters: linearTensors(0, 64, 10, new Float64Array(640), new Float64Array(10)),
    };
    const error = await errorOf(analysisRequest(weights));
    expect(error.field).toBe('weights');
    expect(error.message).toMatch(/digits-binary needs 1 output .* gives 10/);
  });

  it('names the weights when their arrays do not match their own spec', async () => {
    const weights = { ...finished.weights, parameters: finished.weights.parameters.map((tensor) => ({ ...tensor, values: tensor.values.subarray(1) })) };
    const error = await errorOf(analysisRequest(weights));
    expect(error.field).toBe('weights.parameters.0.values');
    expect(error.message).toMatch(/layer 1 \(linear\)/);
  });

  it('names the data when they cannot be loaded', async () => {
    const csv = { kind: 'csv' as const, fileName: 'bad.csv', text: 'a,b,label\n1,2,x\n3,oops,y\n' };
    const error = await errorOf(analysisRequest(finished.weights, { data: { ...data, dataSet: csv } }));
    expect(error.field).toBe('data');
    expect(error.message).toMatch(/^cannot load the data: /);
  });
});
