// What the engine says went wrong with a finished run: one class for every sample, all-dead ReLU layers, and the likely cause.
import { describe, expect, it } from 'vitest';
import { readAssetText } from '../../../engine/data/assetFiles.js';
import { SEED_STREAMS, createDataLoader } from '../../../engine/data/dataSets.js';
import { plainKernels } from '../../../engine/kernels/plainKernels.js';
import { buildNetwork } from '../../../engine/network/network.js';
import type { EngineEvent } from '../../../engine/protocol/index.js';
import type { TrainFinished, TrainStart } from '../../../engine/protocol/training.js';
import { deriveRandom } from '../../../engine/random.js';
import { parseSpecText } from '../../../engine/specText.js';
import { diagnoseRun, networkSymptoms } from '../../../engine/training/diagnoseRun.js';
import { EXERCISE_HYPERPARAMETERS } from '../../../engine/training/hyperparameters.js';
import { handleRequest } from '../../../engine/worker/handleRequest.js';
import { RunStore } from '../../../engine/worker/runStore.js';
import { PredictionsMemo } from '../../../engine/analysis/predictionsMemo.js';
import { createTrainingHandlers } from '../../../engine/worker/trainingHandler.js';
import { BudgetGuard } from '../../../engine/budget/budgetGuard.js';
import { RequestWork } from '../../../engine/work/requestWork.js';

const loadData = createDataLoader(readAssetText);
const SPEC = parseSpecText('linear:32,relu,linear:1,sigmoid', 64);

async function finish(request: Partial<TrainStart>, hyper: Partial<TrainStart['hyper']> = {}): Promise<TrainFinished> {
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
  await handleRequest(
    createTrainingHandlers().handlers,
    { type: 'train.start', runId: 'd', spec: SPEC, dataSet: 'digits-binary', hyper: { ...EXERCISE_HYPERPARAMETERS, ...hyper }, ...request },
    context,
  );
  const finished = events.find((e): e is TrainFinished => e.type === 'train.finished');
  if (!finished) throw new Error(JSON.stringify(events.find((e) => e.type === 'error')));
  return finished;
}

describe('a finished run is diagnosed', () => {
  it('says nothing about a run that learned (the exercise: 64-32-ReLU-1-Sigmoid, lr 0.01)', async () => {
    const finished = await finish({}, { epochs: 5 });
    expect(finished.history.at(-1)!.testAccuracy).toBeGreaterThan(0.9);
    expect(finished.diagnoses).toEqual([]);
  });

  it('says a run with lr 5 predicts one class for every test sample, and blames the learning rate', async () => {
    const finished = await finish({}, { learningRate: 5, epochs: 5 });
    expect(finished.reason).toBe('completed');
    expect(finished.history.at(-1)!.testAccuracy).toBeLessThan(0.6);
    const oneClass = finished.diagnoses.find((d) => d.kind === 'one-class');
    expect(oneClass).toMatchObject({ cause: 'learning-rate' });
    expect(oneClass!.message).toMatch(/^the network predicts class "(0–4|5–9)" for every test sample/);
    expect(oneClass!.message).toContain('learning rate too large (5)');
  });

  it('blames the initialisation when the ReLU units were dead before the first update', async () => {
    const network = buildNetwork(SPEC, deriveRandom(1, SEED_STREAMS.init));
    const weights = network.trainedWeights();
    const bias = weights.parameters.find((t) => t.layer === 0 && t.name === 'b')!;
    bias.values.fill(-100);
    const finished = await finish({ initialWeights: weights }, { epochs: 3 });
    const dead = finished.diagnoses.find((d) => d.kind === 'dead-relu');
    expect(dead).toMatchObject({ cause: 'initialisation', layer: 1 });
    expect(dead!.message).toContain('every unit of the ReLU at layer 2 outputs 0 for every test sample');
    expect(finished.diagnoses.find((d) => d.kind === 'one-class')).toMatchObject({ cause: 'initialisation' });
  });

  it('finds the symptoms on the training set when there is no test set', async () => {
    const finished = await finish({}, { learningRate: 5, epochs: 2, trainFraction: 1 });
    expect(finished.diagnoses.some((d) => d.message.includes('for every training sample'))).toBe(true);
  });
});

describe('diagnoseRun', () => {
  it('blames the learning rate for a layer that died during training, and the initialisation for one dead from the start', () => {
    const diagnoses = diagnoseRun({
      initial: { oneClass: undefined, deadLayers: [3] },
      final: { oneClass: undefined, deadLayers: [1, 3] },
      classes: ['a', 'b'],
      setName: 'test',
      learningRate: 0.5,
    });
    expect(diagnoses.map((d) => [d.layer, d.cause])).toEqual([
      [1, 'learning-rate'],
      [3, 'initialisation'],
    ]);
  });

  it('finds no dead layer in a network whose ReLU passes something for some sample', async () => {
    const data = await loadData('digits-binary', EXERCISE_HYPERPARAMETERS);
    expect(networkSymptoms(buildNetwork(SPEC, deriveRandom(1, SEED_STREAMS.init)), data.test).deadLayers).toEqual([]);
  });

  it('finds the same symptoms a few rows at a time as in one pass over the whole set', async () => {
    const data = await loadData('digits-binary', EXERCISE_HYPERPARAMETERS);
    const network = buildNetwork(SPEC, deriveRandom(1, SEED_STREAMS.init));
    const bias = network.parameters.find((parameter) => parameter.name === 'b')!;
    for (const biasValue of [-100, 0]) {
      bias.value.fill(biasValue);
      const whole = networkSymptoms(network, data.test);
      expect(networkSymptoms(network, data.test, 7)).toEqual(whole);
      expect(whole.deadLayers).toEqual(biasValue < 0 ? [1] : []);
    }
  });
});
