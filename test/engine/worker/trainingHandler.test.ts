// The training handler behind the protocol: its events, the settings it records, pause and resume, and an error naming the field for each bad input.
import { describe, expect, it } from 'vitest';
import { readAssetText } from '../../../engine/data/assetFiles.js';
import { createDataLoader } from '../../../engine/data/dataSets.js';
import { plainKernels } from '../../../engine/kernels/plainKernels.js';
import { buildNetwork } from '../../../engine/network/network.js';
import type { EngineEvent } from '../../../engine/protocol/index.js';
import type { TrainStart } from '../../../engine/protocol/training.js';
import { EXERCISE_HYPERPARAMETERS } from '../../../engine/training/hyperparameters.js';
import { createRandom } from '../../../engine/random.js';
import { parseSpecText } from '../../../engine/specText.js';
import { handleRequest } from '../../../engine/worker/handleRequest.js';
import { RunStore } from '../../../engine/worker/runStore.js';
import { PredictionsMemo } from '../../../engine/analysis/predictionsMemo.js';
import { createTrainingHandlers, type TrainingRequest } from '../../../engine/worker/trainingHandler.js';
import { RequestWork } from '../../../engine/work/requestWork.js';
import { BudgetGuard } from '../../../engine/budget/budgetGuard.js';

function createHandler() {
  const events: EngineEvent[] = [];
  let disposed = false;
  const context = {
    send: (event: EngineEvent) => {
      events.push(event);
    },
    loadData: createDataLoader(readAssetText),
    kernels: plainKernels,
    runs: new RunStore(),
    predictions: new PredictionsMemo(),
    isDisposed: () => disposed,
    work: new RequestWork(),
    budget: new BudgetGuard(),
  };
  const training = createTrainingHandlers();
  const handler = { handle: (request: TrainingRequest) => handleRequest(training.handlers, request, context) };
  return {
    events,
    handler,
    dispose: () => {
      disposed = true;
      training.dispose();
    },
  };
}

function start(overrides: Partial<TrainStart> = {}, hyper: Partial<TrainStart['hyper']> = {}): TrainStart {
  return {
    type: 'train.start',
    runId: 'r1',
    spec: parseSpecText('linear:32,relu,linear:1,sigmoid', 64),
    dataSet: 'digits-binary',
    hyper: { ...EXERCISE_HYPERPARAMETERS, epochs: 2, ...hyper },
    ...overrides,
  };
}

async function errorOf(request: TrainStart) {
  const { events, handler } = createHandler();
  await handler.handle(request);
  expect(events.map((event) => event.type)).toEqual(['error']);
  const error = events[0] as Extract<EngineEvent, { type: 'error' }>;
  return { field: error.field, message: error.message };
}

describe('the training handler', () => {
  it('emits started, the epochs, the batch losses and finished with the settings the run used', async () => {
    const { events, handler } = createHandler();
    await handler.handle(start({ recordPath: true }, { optimizer: { kind: 'momentum' } }));
    expect(events[0]).toEqual({ type: 'train.started', runId: 'r1', trainSize: 898, testSize: 899, parameterCount: 2113 });
    expect(events.filter((event) => event.type === 'train.epoch').length).toBe(2);
    const batches = events.filter((event) => event.type === 'train.batches');
    expect(batches.reduce((count, event) => count + event.losses.length, 0)).toBe(2 * 89);
    const finished = events.at(-1)!;
    if (finished.type !== 'train.finished') throw new Error('expected train.finished last');
    expect(finished.reason).toBe('completed');
    expect(finished.settings).toEqual({ seed: 1, loss: 'bce', optimizer: { kind: 'momentum', momentum: 0.9 }, normalisation: 'global' });
    expect(finished.parameterPath!.length).toBe(3);
  });

  it("coalesces a fast run's epochs into few events, each epoch sent once and in order, the last before the end", async () => {
    const { events, handler } = createHandler();
    const epochs = 5000;
    const xor = { kind: 'toy' as const, name: 'xor' as const, size: 40, noise: 0.1 };
    await handler.handle(start({ dataSet: xor, spec: parseSpecText('linear:4,tanh,linear:1,sigmoid', 2) }, { epochs, learningRate: 0.1 }));
    const epochEvents = events.flatMap((event) => (event.type === 'train.epoch' ? [event] : []));
    const sent = epochEvents.flatMap((event) => [...(event.earlier ?? []), event.metrics].map((m) => m.epoch));
    expect(sent).toEqual(Array.from({ length: epochs }, (_, i) => i + 1));
    expect(epochEvents.length).toBeLessThan(epochs / 10);
    expect(epochEvents.slice(0, 16).every((event) => event.earlier === undefined)).toBe(true);
    const finished = events.at(-1)!;
    if (finished.type !== 'train.finished') throw new Error('expected train.finished last');
    expect(events.indexOf(epochEvents.at(-1)!)).toBeLessThan(events.length - 1);
    expect(finished.history.map((m) => m.epoch)).toEqual(sent);
  });

  it('pauses and resumes a run on request, telling the state', async () => {
    const { events, handler } = createHandler();
    const running = handler.handle(start({}, { epochs: 25 }));
    await handler.handle({ type: 'train.pause', runId: 'r1' });
    while (!events.some((event) => event.type === 'train.state')) await new Promise((r) => setTimeout(r, 5));
    const epochsWhenPaused = events.filter((event) => event.type === 'train.epoch').length;
    await new Promise((r) => setTimeout(r, 60));
    expect(events.filter((event) => event.type === 'train.epoch').length).toBe(epochsWhenPaused);
    await handler.handle({ type: 'train.resume', runId: 'r1' });
    await handler.handle({ type: 'train.stop', runId: 'r1' });
    await running;
    expect(events.filter((event) => event.type === 'train.state').map((event) => event.type === 'train.state' && event.state)).toEqual(['paused', 'running']);
    expect(events.at(-1)).toMatchObject({ type: 'train.finished', reason: 'stopped' });
  });

  it('names the field for a network that does not fit the data', async () => {
    expect(await errorOf(start({ spec: parseSpecText('linear:32,relu,linear:10,sigmoid', 64) }))).toEqual({
      field: 'spec.layers.3',
      message: 'digits-binary needs 1 output (the probability of the positive class) but the network gives 10',
    });
    expect(await errorOf(start({ spec: parseSpecText('linear:1,sigmoid', 30) }))).toEqual({
      field: 'spec.input',
      message: 'the network takes 30 inputs but digits-binary has 64 features',
    });
  });

  it('names hyper.loss for a loss the last layer cannot serve', async () => {
    expect(await errorOf(start({}, { loss: 'cce' }))).toEqual({
      field: 'hyper.loss',
      message: 'categorical cross-entropy needs a softmax as the last layer, but the last is layer 4 (sigmoid)',
    });
  });

  it('names hyper.batchSize for a minibatch larger than a split', async () => {
    expect(await errorOf(start({}, { batchSize: 1000 }))).toEqual({
      field: 'hyper.batchSize',
      message: 'the minibatch size 1000 is larger than the training set (898 samples)',
    });
  });

  it('names initialWeights for weights of another network', async () => {
    const other = buildNetwork(parseSpecText('linear:8,relu,linear:1,sigmoid', 64), createRandom(1)).trainedWeights();
    expect(await errorOf(start({ initialWeights: other }))).toEqual({
      field: 'initialWeights',
      message: "the initial weights belong to another network: their spec differs from this run's",
    });
  });

  it('names the tensor at fault when initial weights of the same network do not fit it', async () => {
    const initialWeights = buildNetwork(parseSpecText('linear:32,relu,linear:1,sigmoid', 64), createRandom(1)).trainedWeights();
    initialWeights.parameters[2] = { ...initialWeights.parameters[2]!, shape: [1, 32] };
    expect(await errorOf(start({ initialWeights }))).toEqual({
      field: 'initialWeights.parameters.2.shape',
      message: 'layer 3 (linear) has 1×32 weights but the network needs 32×1 for W',
    });
  });

  it('names recordPath when the path would be too large, before the run starts', async () => {
    const { field, message } = await errorOf(start({ recordPath: true, spec: parseSpecText('linear:2000,relu,linear:1,sigmoid', 64) }, { epochs: 100 }));
    expect(field).toBe('recordPath');
    expect(message).toMatch(/^recording the parameter path would keep 13332101 values \(132001 parameters × 101\)/);
  });

  it('starts from initial weights with the same spec: 0 epochs hands them back unchanged', async () => {
    const { events, handler } = createHandler();
    const weights = buildNetwork(parseSpecText('linear:32,relu,linear:1,sigmoid', 64), createRandom(77)).trainedWeights();
    await handler.handle(start({ initialWeights: weights }, { epochs: 0 }));
    const finished = events.at(-1)!;
    expect(finished).toMatchObject({ type: 'train.finished', reason: 'completed', history: [] });
    if (finished.type === 'train.finished') expect(finished.weights).toEqual(weights);
  });
});
