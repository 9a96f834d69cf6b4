// Tests epoch.estimate through the engine's protocol: an estimate for a run train.start would accept, and train.start's refusals otherwise.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IDX_FILES, IMAGE_DATA_SETS } from '../../../engine/data/dataSetNames.js';
import { FASHION_CONVNET_ID, presetById } from '../../../engine/network/networkPresets.js';
import type { EngineEvent, EngineRequest } from '../../../engine/protocol/index.js';
import { EXERCISE_HYPERPARAMETERS } from '../../../engine/training/hyperparameters.js';
import { createInProcessEngine } from '../../../engine/worker/inProcessEntry.js';

function ask(request: Record<string, unknown>): Promise<EngineEvent> {
  return new Promise((resolve) => {
    const engine = createInProcessEngine((event: EngineEvent) => {
      engine.dispose();
      resolve(event);
    });
    engine.receive({ type: 'epoch.estimate', requestId: 'e', ...request } as EngineRequest);
  });
}

const convnet = {
  input: 64,
  layers: [
    { type: 'conv2d', filters: 4, kernel: 3, padding: 'same' },
    { type: 'relu' },
    { type: 'flatten' },
    { type: 'linear', units: 10 },
    { type: 'softmax' },
  ],
};

describe('epoch.estimate', () => {
  it('times a convnet on the digits read as 1×8×8 images and gives the epoch and the run in seconds', async () => {
    const hyper = { ...EXERCISE_HYPERPARAMETERS, epochs: 5, batchSize: 32, trainFraction: 0.8 };
    const event = await ask({ spec: { ...convnet, inputShape: [1, 8, 8] }, dataSet: 'digits', hyper });
    expect(event.type).toBe('epoch.estimated');
    if (event.type !== 'epoch.estimated') return;
    const { estimate } = event;
    // 1,797 digits, 80 % of them (1,437) to train and 360 to test, in minibatches of 32.
    expect(estimate.batchesPerEpoch).toBe(44);
    expect(estimate.testBatchesPerEpoch).toBe(11);
    expect(estimate.secondsPerBatch).toBeGreaterThan(0);
    expect(estimate.timedBatches).toBeGreaterThanOrEqual(1);
    expect(estimate.secondsPerEpoch).toBeCloseTo(44 * estimate.secondsPerBatch + 11 * estimate.secondsPerTestBatch, 12);
    expect(event.totalSeconds).toBeCloseTo(5 * estimate.secondsPerEpoch, 12);
  });

  it('refuses a convolution on data that is no image at the layer, as train.start does', async () => {
    const event = await ask({ spec: { ...convnet, input: 4 }, dataSet: 'iris', hyper: EXERCISE_HYPERPARAMETERS });
    expect(event).toMatchObject({ type: 'error', requestId: 'e', field: 'spec.layers.0' });
  });

  it('refuses a minibatch larger than the test set at the minibatch field', async () => {
    const spec = { input: 4, layers: [{ type: 'linear', units: 3 }, { type: 'softmax' }] };
    const event = await ask({ spec, dataSet: 'iris', hyper: { ...EXERCISE_HYPERPARAMETERS, batchSize: 100, trainFraction: 0.8 } });
    expect(event).toMatchObject({
      type: 'error',
      requestId: 'e',
      field: 'hyper.batchSize',
      message: 'the minibatch size 100 is larger than the test set (30 samples)',
    });
  });

  it("gives the probe's memory back at once, so a form's many estimates leave room for the run they were for", async (context) => {
    const folder = IMAGE_DATA_SETS['fashion-mnist'].folder;
    if (!existsSync(join(folder, `${IDX_FILES.trainImages}.gz`))) return context.skip(`Fashion-MNIST is not installed at ${folder}: no run on its files`);
    const preset = presetById(FASHION_CONVNET_ID);
    const dataSet = { kind: 'images', set: 'fashion-mnist', trainSize: 2000, testSize: 500 };
    const hyper = { ...EXERCISE_HYPERPARAMETERS, ...preset.hyper, epochs: 1, seed: 1 };
    const answers = new Map<string, (event: EngineEvent) => void>();
    const engine = createInProcessEngine((event: EngineEvent) => {
      const id = 'requestId' in event ? event.requestId : 'runId' in event ? event.runId : undefined;
      if (event.type === 'epoch.estimated' || event.type === 'train.finished' || event.type === 'error') answers.get(String(id))?.(event);
    });
    const send = (request: Record<string, unknown>, id: string) =>
      new Promise<EngineEvent>((resolve) => {
        answers.set(id, resolve);
        engine.receive(request as EngineRequest);
      });
    try {
      // Each probe builds the network with its buffers (tens of megabytes for this one): a dozen used to fill the memory.
      for (let i = 0; i < 12; i++) {
        const batchSize = i % 2 === 0 ? 64 : 32;
        const event = await send({ type: 'epoch.estimate', requestId: `e${i}`, spec: preset.spec, dataSet, hyper: { ...hyper, batchSize } }, `e${i}`);
        expect(event.type).toBe('epoch.estimated');
      }
      const finished = await send({ type: 'train.start', runId: 'after-estimates', spec: preset.spec, dataSet, hyper }, 'after-estimates');
      expect(finished.type === 'error' ? finished.message : finished).toMatchObject({ type: 'train.finished', reason: 'completed' });
    } finally {
      engine.dispose();
    }
  }, 240_000);
});
