// The engine service behind the protocol: a full run, stopping, and malformed requests answered with errors that name the field.
import { describe, expect, it } from 'vitest';
import { EngineEventSchema } from '../../engine/protocol/index.js';
import type { TrainStart } from '../../engine/protocol/training.js';
import { EXERCISE_HYPERPARAMETERS } from '../../engine/training/hyperparameters.js';
import { createEngineService } from '../../engine/worker/engineService.js';
import { createInProcessEngine } from '../../engine/worker/inProcessEntry.js';
import { createEventLog, isError, isFinished } from './support/eventLog.js';

const exerciseStart = (runId: string, hyper: Partial<TrainStart['hyper']> = {}): TrainStart => ({
  type: 'train.start',
  runId,
  dataSet: 'digits-binary',
  spec: { input: 64, layers: [{ type: 'linear', units: 32 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }] },
  hyper: { ...EXERCISE_HYPERPARAMETERS, ...hyper },
});

function engine() {
  const log = createEventLog();
  const service = createInProcessEngine((event) => log.push(event));
  return { log, service };
}

async function firstError(message: unknown) {
  const { log, service } = engine();
  service.receive(message);
  const error = await log.next(isError);
  service.dispose();
  return error;
}

describe('the engine service', () => {
  it('runs a training: started, one epoch event per epoch, then finished with the history and weights', async () => {
    const { log, service } = engine();
    service.receive(exerciseStart('run-1', { epochs: 3 }));
    const finished = await log.next(isFinished('run-1'));
    expect(log.events.map((event) => event.type).filter((type) => type !== 'train.batches')).toEqual([
      'train.started',
      'train.epoch',
      'train.epoch',
      'train.epoch',
      'train.finished',
    ]);
    const batches = log.events.flatMap((event) => (event.type === 'train.batches' ? [event] : []));
    expect(batches.reduce((count, event) => count + event.losses.length, 0)).toBe(3 * Math.floor(898 / 10));
    expect(log.events[0]).toEqual({ type: 'train.started', runId: 'run-1', trainSize: 898, testSize: 899, parameterCount: 2113 });
    expect(finished.reason).toBe('completed');
    expect(finished.history.map((m) => m.epoch)).toEqual([1, 2, 3]);
    expect(finished.weights.parameters.map((tensor) => [tensor.layer, tensor.name, tensor.shape])).toEqual([
      [0, 'W', [64, 32]],
      [0, 'b', [32]],
      [2, 'W', [32, 1]],
      [2, 'b', [1]],
    ]);
    for (const event of log.events) expect(EngineEventSchema.safeParse(event).success).toBe(true);
  });

  it('stops a run on train.stop and reports reason stopped', async () => {
    const { log, service } = engine();
    service.receive(exerciseStart('run-2'));
    await log.next((event): event is Extract<typeof event, { type: 'train.epoch' }> => event.type === 'train.epoch');
    service.receive({ type: 'train.stop', runId: 'run-2' });
    const finished = await log.next(isFinished('run-2'));
    expect(finished.reason).toBe('stopped');
    expect(finished.history.length).toBeLessThan(25);
  });

  it('answers a second start with the same run id with an error, and runs two different ids side by side', async () => {
    const { log, service } = engine();
    service.receive(exerciseStart('a', { epochs: 2 }));
    service.receive(exerciseStart('a', { epochs: 2 }));
    service.receive(exerciseStart('b', { epochs: 2, seed: 2 }));
    expect(await log.next(isError)).toMatchObject({ runId: 'a', field: 'runId' });
    const [a, b] = await Promise.all([log.next(isFinished('a')), log.next(isFinished('b'))]);
    expect(a.reason).toBe('completed');
    expect(b.history).not.toEqual(a.history);
  });

  it('answers a message that is not an object with an error, without throwing', async () => {
    const error = await firstError('train please');
    expect(error.message).toMatch(/^bad request/);
  });

  it('answers an unknown message type with an error naming the type field', async () => {
    expect(await firstError({ type: 'train.fly', runId: 'x' })).toMatchObject({ field: 'type', runId: 'x' });
  });

  it('answers a learning rate of -1 with an error naming hyper.learningRate', async () => {
    const error = await firstError(exerciseStart('x', { learningRate: -1 }));
    expect(error).toMatchObject({ field: 'hyper.learningRate', runId: 'x' });
    expect(error.message).toContain('learning rate must be a positive number');
  });

  it('answers an unknown data set with an error naming dataSet', async () => {
    const error = await firstError({ ...exerciseStart('x'), dataSet: 'mnist' });
    expect(error).toMatchObject({ field: 'dataSet' });
    expect(error.message).toContain('unknown data set "mnist"');
  });

  it('answers a malformed spec with an error naming the field inside the spec', async () => {
    const error = await firstError({ ...exerciseStart('x'), spec: { input: 64, layers: [{ type: 'linear', units: -3 }] } });
    expect(error.field).toBe('spec.layers.0.units');
  });

  it("answers a spec whose shapes do not fit with the layer's field and message", async () => {
    const request = exerciseStart('x');
    request.spec.layers[2] = { type: 'linear', inputs: 16, units: 1 };
    expect(await firstError(request)).toEqual({
      type: 'error',
      runId: 'x',
      field: 'spec.layers.2',
      message: 'layer 3 (linear) expects 16 inputs but layer 2 (relu) gives 32',
    });
  });

  it('answers a minibatch larger than the training set with an error naming hyper.batchSize', async () => {
    expect(await firstError(exerciseStart('x', { batchSize: 5000 }))).toMatchObject({ field: 'hyper.batchSize' });
  });

  it('says so when it has no data files to read', async () => {
    const log = createEventLog();
    const service = createEngineService((event) => log.push(event));
    service.receive(exerciseStart('x'));
    expect(await log.next(isError)).toMatchObject({ field: 'dataSet', message: expect.stringContaining('no asset reader') });
  });
});
