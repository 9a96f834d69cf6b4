// Requests that name what the engine keeps — a CSV table by hash, a finished run by id — instead of sending it again; pure, in-process.
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../engine/data/sha256.js';
import type { EngineEvent } from '../../../engine/protocol/index.js';
import type { TrainStart } from '../../../engine/protocol/training.js';
import { EXERCISE_HYPERPARAMETERS } from '../../../engine/training/hyperparameters.js';
import { createInProcessEngine } from '../../../engine/worker/inProcessEntry.js';
import type { EngineServiceOptions } from '../../../engine/worker/engineService.js';
import { createEventLog, isFinished } from '../support/eventLog.js';

const text = ['x,y,label', ...Array.from({ length: 60 }, (_, i) => `${(i % 7) / 7},${(i % 5) / 5},${i % 2 ? 'odd' : 'even'}`)].join('\n');
const table = sha256Hex(text);
const spec = {
  input: 2,
  layers: [{ type: 'linear' as const, units: 4 }, { type: 'tanh' as const }, { type: 'linear' as const, units: 1 }, { type: 'sigmoid' as const }],
};
const hyper = { ...EXERCISE_HYPERPARAMETERS, epochs: 2, batchSize: 5 };
const data = { dataSet: { kind: 'csv' as const, fileName: 'parity.csv', table }, trainFraction: hyper.trainFraction, seed: hyper.seed };

function engine(options: Omit<EngineServiceOptions, 'readAsset'> = {}) {
  const log = createEventLog();
  const service = createInProcessEngine((event) => log.push(event), options);
  const answer = (requestId: string) => log.next((event: EngineEvent): event is EngineEvent => 'requestId' in event && event.requestId === requestId);
  const train = (runId: string, overrides: Partial<TrainStart> = {}) => {
    service.receive({ type: 'train.start', runId, spec, dataSet: { kind: 'csv', fileName: 'parity.csv', text }, hyper, recordPath: true, ...overrides });
    return log.next(isFinished(runId));
  };
  return { log, service, answer, train };
}

describe('requests that name what the engine keeps', () => {
  it('trains, checks and analyses a CSV named by its hash once its text has been sent', async () => {
    const { service, answer, train, log } = engine();
    await train('r1');
    service.receive({ type: 'spec.check', requestId: 'c1', spec, dataSet: data.dataSet });
    expect(await answer('c1')).toMatchObject({ type: 'spec.report', issues: [] });
    service.receive({ type: 'train.start', runId: 'r2', spec, dataSet: data.dataSet, hyper });
    expect((await log.next(isFinished('r2'))).reason).toBe('completed');
    service.dispose();
  });

  it('answers a CSV hash it does not have with code unknown-table at the data set, for a run and for an ask', async () => {
    const { service, answer, log } = engine();
    service.receive({ type: 'train.start', runId: 'r1', spec, dataSet: data.dataSet, hyper });
    const runError = await log.next((event): event is Extract<EngineEvent, { type: 'error' }> => event.type === 'error');
    expect(runError).toMatchObject({ runId: 'r1', code: 'unknown-table', field: 'dataSet.table' });
    expect(runError.message).toMatch(/no longer has the table of parity\.csv/);
    service.receive({ type: 'analysis.run', requestId: 'a1', runId: 'r1', data });
    expect(await answer('a1')).toMatchObject({ type: 'error', code: 'unknown-table', field: 'data.dataSet.table' });
    service.dispose();
  });

  it('analyses, draws the landscape of and exports a finished run named by its id, with its recorded path', async () => {
    const { service, answer, train } = engine();
    const finished = await train('r1');
    service.receive({ type: 'analysis.run', requestId: 'a1', runId: 'r1', data });
    expect(await answer('a1')).toMatchObject({ type: 'analysis.report', classes: ['even', 'odd'] });
    service.receive({ type: 'landscape.run', requestId: 'l1', runId: 'r1', data, resolution: 3, span: 1, directionSeed: 1 });
    const grid = await answer('l1');
    expect(grid.type).toBe('landscape.grid');
    expect(grid.type === 'landscape.grid' && grid.path?.alpha.length).toBe(finished.parameterPath!.length);
    service.receive({ type: 'export.build', requestId: 'e1', runId: 'r1', format: 'weights.json' });
    const file = await answer('e1');
    expect(file.type === 'export.file' && new TextDecoder().decode(file.bytes)).toContain('"layers"');
    service.dispose();
  });

  it('answers a run it let go of with code unknown-run, keeps the weights sent again, and then answers by id', async () => {
    const { service, answer, train } = engine({ keep: { runs: { maxEntries: 1, maxBytes: 1e9 } } });
    const first = await train('r1');
    await train('r2');
    service.receive({ type: 'analysis.run', requestId: 'a1', runId: 'r1', data });
    const miss = await answer('a1');
    expect(miss).toMatchObject({ type: 'error', code: 'unknown-run', field: 'runId', requestId: 'a1' });
    expect(miss).not.toHaveProperty('runId');
    service.receive({ type: 'analysis.run', requestId: 'a2', runId: 'r1', weights: first.weights, data });
    expect((await answer('a2')).type).toBe('analysis.report');
    service.receive({ type: 'analysis.run', requestId: 'a3', runId: 'r1', data });
    expect((await answer('a3')).type).toBe('analysis.report');
    service.receive({ type: 'landscape.run', requestId: 'l1', runId: 'r1', data, path: first.parameterPath!, resolution: 3, span: 1, directionSeed: 1 });
    expect((await answer('l1')).type).toBe('landscape.grid');
    service.dispose();
  });

  it('asks for weights or a run id when an analysis names neither', async () => {
    const { service, answer } = engine();
    service.receive({ type: 'analysis.run', requestId: 'a1', data: { ...data, dataSet: 'iris' } });
    expect(await answer('a1')).toMatchObject({ type: 'error', field: 'weights' });
    service.dispose();
  });
});
