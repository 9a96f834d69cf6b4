// landscape.run through the engine service: a recorded run's slice and path, and bad input answered with the field at fault.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorEvent } from '../../../engine/protocol/errors.js';
import type { EngineEvent } from '../../../engine/protocol/index.js';
import type { LandscapeGrid, LandscapeRun } from '../../../engine/protocol/landscape.js';
import type { TrainFinished } from '../../../engine/protocol/training.js';
import { handleLandscape } from '../../../engine/worker/landscapeHandler.js';
import { createInProcessEngine } from '../../../engine/worker/inProcessEntry.js';
import { readWasmKernelBinaries } from '../../../engine/kernels/wasm/kernelFiles.js';
import { createWasmKernels } from '../../../engine/kernels/wasm/wasmKernels.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { createRandom } from '../../../engine/random.js';
import { engineContext } from '../analysis/trainedDigits.js';
import { createEventLog, isFinished } from '../support/eventLog.js';

const data = { dataSet: 'digits-binary' as const, trainFraction: 0.5, seed: 2 };

describe('landscape.run', () => {
  let finished: TrainFinished;
  beforeAll(async () => {
    const log = createEventLog();
    const engine = createInProcessEngine((event) => log.push(event));
    engine.receive({
      type: 'train.start',
      runId: 'r1',
      recordPath: true,
      spec: { input: 64, layers: [{ type: 'linear', units: 8 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }] },
      dataSet: 'digits-binary',
      hyper: { epochs: 2, learningRate: 0.01, batchSize: 10, reduction: 'sum', trainFraction: 0.5, seed: 2 },
    });
    finished = await log.next(isFinished('r1'));
    engine.dispose();
  });

  const request = (extra: Partial<LandscapeRun> = {}): LandscapeRun => ({
    type: 'landscape.run',
    requestId: 'l1',
    weights: finished.weights,
    data,
    resolution: 5,
    span: 1,
    directionSeed: 1,
    ...extra,
  });

  async function errorOf(landscape: LandscapeRun): Promise<ErrorEvent> {
    const answer = await handleLandscape(landscape, engineContext());
    if (answer.type !== 'error') throw new Error('expected an error event');
    return answer;
  }

  it('answers a recorded run with its grid and its path ending at (0, 0)', async () => {
    const log = createEventLog();
    const engine = createInProcessEngine((event) => log.push(event));
    expect(finished.parameterPath).toHaveLength(3);
    engine.receive(request({ path: finished.parameterPath! }));
    const grid = await log.next((event: EngineEvent): event is LandscapeGrid | ErrorEvent => event.type === 'landscape.grid' || event.type === 'error');
    engine.dispose();
    if (grid.type !== 'landscape.grid') throw new Error(grid.message);
    expect(grid.values).toHaveLength(25);
    expect(grid.values.every(Number.isFinite)).toBe(true);
    expect([grid.path!.alpha[2], grid.path!.beta[2]]).toEqual([0, 0]);
  });

  it('names the path point whose length is not the parameter count', async () => {
    const path = [finished.parameterPath![0]!, new Float64Array(5)];
    const error = await errorOf(request({ path }));
    expect(error).toMatchObject({ requestId: 'l1', field: 'path.1' });
    expect(error.message).toBe(`path point 1 has 5 values but the network has ${8 * 64 + 8 + 8 + 1} parameters`);
  });

  it('names the loss when it cannot go with the last layer', async () => {
    const error = await errorOf(request({ loss: 'cce' }));
    expect(error.field).toBe('loss');
    expect(error.message).toMatch(/needs a softmax as the last layer/);
  });

  it('names the weights when every weight is zero, so there is no direction to go', async () => {
    const weights = {
      ...finished.weights,
      parameters: finished.weights.parameters.map((tensor) => (tensor.name === 'W' ? { ...tensor, values: new Float64Array(tensor.values.length) } : tensor)),
    };
    const error = await errorOf(request({ weights }));
    expect(error.field).toBe('weights');
  });

  it('names the weights when they do not fit the data', async () => {
    const error = await errorOf(request({ data: { ...data, dataSet: 'iris' } }));
    expect(error.field).toBe('weights');
    expect(error.message).toMatch(/takes 64 inputs but iris has 4 features/);
  });

  it('refuses a slice over the work budget at the resolution before it rebuilds the network', async () => {
    // 2,048 hidden units: 10,201 points × 898 training samples × about 135,000 multiply-adds each, over 2e11.
    const spec = {
      input: 64,
      layers: [{ type: 'linear' as const, units: 2048 }, { type: 'relu' as const }, { type: 'linear' as const, units: 1 }, { type: 'sigmoid' as const }],
    };
    const kernels = createWasmKernels(readWasmKernelBinaries()!, 'simd');
    const before = kernels.memoryUse();
    const answer = await handleLandscape(request({ weights: buildNetwork(spec, createRandom(1)).trainedWeights(), resolution: 101 }), {
      ...engineContext(),
      kernels,
    });
    expect(answer).toMatchObject({ type: 'error', code: 'over-budget', field: 'resolution' });
    expect((answer as ErrorEvent).message).toMatch(/^the landscape needs about [\d.]+e12 multiply-adds \(10,201 points × 898 training samples\)/);
    expect(kernels.memoryUse()).toEqual(before);
  });
});
