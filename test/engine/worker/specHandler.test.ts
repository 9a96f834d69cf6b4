// Tests spec.check through the engine's protocol: shapes, parameter counts, the loss, and every problem with its field.
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EngineRequest } from '../../../engine/protocol/index.js';
import type { SpecReport } from '../../../engine/protocol/specCheck.js';
import { createInProcessEngine } from '../../../engine/worker/inProcessEntry.js';

function check(request: Record<string, unknown>): Promise<SpecReport> {
  return new Promise((resolve, reject) => {
    const engine = createInProcessEngine((event: EngineEvent) => {
      engine.dispose();
      if (event.type === 'spec.report') resolve(event);
      else reject(new Error(JSON.stringify(event)));
    });
    engine.receive({ type: 'spec.check', requestId: 'c', ...request } as EngineRequest);
  });
}

describe('spec.check', () => {
  it("gives each layer's shape and parameters for the exercise network, with no issues for digits-binary", async () => {
    const report = await check({
      spec: { input: 64, layers: [{ type: 'linear', units: 32 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }] },
      dataSet: 'digits-binary',
    });
    expect(report.layers.map((l) => [l.type, l.inputs, l.outputs, l.parameters])).toEqual([
      ['linear', 64, 32, 2080],
      ['relu', 32, 32, 0],
      ['linear', 32, 1, 33],
      ['sigmoid', 1, 1, 0],
    ]);
    expect(report.parameterCount).toBe(2113);
    expect(report.loss).toBe('bce');
    expect(report.issues).toEqual([]);
  });

  it('traces an image network layer by layer as channels × height × width, and refuses a convolution after a flatten at its layer', async () => {
    const report = await check({
      spec: {
        input: 64,
        inputShape: [1, 8, 8],
        layers: [
          { type: 'conv2d', filters: 8, kernel: 3, padding: 'same' },
          { type: 'relu' },
          { type: 'maxpool2d', size: 2 },
          { type: 'flatten' },
          { type: 'linear', units: 10 },
          { type: 'softmax' },
        ],
      },
      dataSet: 'digits',
    });
    expect(report.layers.map((l) => [l.type, l.inputShape, l.outputShape, l.parameters])).toEqual([
      ['conv2d', [1, 8, 8], [8, 8, 8], 80],
      ['relu', [8, 8, 8], [8, 8, 8], 0],
      ['maxpool2d', [8, 8, 8], [8, 4, 4], 0],
      ['flatten', [8, 4, 4], [128], 0],
      ['linear', [128], [10], 1290],
      ['softmax', [10], [10], 0],
    ]);
    expect(report.issues).toEqual([]);
    const refused = await check({
      spec: {
        input: 784,
        inputShape: [1, 28, 28],
        layers: [{ type: 'conv2d', filters: 4, kernel: 3 }, { type: 'relu' }, { type: 'flatten' }, { type: 'conv2d', filters: 4, kernel: 3 }],
      },
    });
    expect(refused.issues).toEqual([
      {
        field: 'spec.layers.3',
        message:
          'layer 4 (conv2d) needs a C×H×W input but layer 3 (flatten) gives 2704 (a vector: put it before the flatten, or give the data its image shape)',
      },
    ]);
  });

  it('names the layer whose declared inputs do not fit', async () => {
    const report = await check({
      spec: { input: 64, layers: [{ type: 'linear', units: 16 }, { type: 'relu' }, { type: 'linear', inputs: 32, units: 1 }, { type: 'sigmoid' }] },
    });
    expect(report.issues).toEqual([{ field: 'spec.layers.2', message: 'layer 3 (linear) expects 32 inputs but layer 2 (relu) gives 16' }]);
  });

  it('says when the network does not fit the data set', async () => {
    const report = await check({ spec: { input: 64, layers: [{ type: 'linear', units: 3 }, { type: 'softmax' }] }, dataSet: 'iris' });
    expect(report.issues).toEqual([{ field: 'spec.input', message: 'the network takes 64 inputs but iris has 4 features' }]);
  });
});
