// gradcheck.run answered with a report of every check, or an error naming the field.
import { describe, expect, it } from 'vitest';
import { defaultKernels } from '../../../engine/kernels/defaultKernels.js';
import { handleGradcheck } from '../../../engine/worker/gradcheckHandler.js';
import { GradcheckReportSchema } from '../../../engine/protocol/gradcheck.js';
import { RequestWork } from '../../../engine/work/requestWork.js';
import { BudgetGuard } from '../../../engine/budget/budgetGuard.js';
import type { NetworkSpec } from '../../../engine/spec.js';

describe('the gradcheck handler', () => {
  it("reports a Linear layer's dx, dW and db with the threshold, valid against the protocol", async () => {
    const event = await handleGradcheck(
      { type: 'gradcheck.run', requestId: 'q', subject: { kind: 'layer', layer: { type: 'linear', units: 7 }, inputs: 5, rows: 3 }, seed: 1 },
      { kernels: defaultKernels, work: new RequestWork(), budget: new BudgetGuard() },
    );
    expect(GradcheckReportSchema.parse(event)).toMatchObject({ requestId: 'q', variant: 'correct', threshold: 1e-6 });
    if (event.type !== 'gradcheck.report') throw new Error('expected a report');
    expect(event.checks.map((check) => [check.name, check.size, check.ok])).toEqual([
      ['dx', 15, true],
      ['dW', 35, true],
      ['db', 7, true],
    ]);
  });

  it('checks a 4-filter 3×3 convolution on a 2×6×6 input given in the request: dx, dW and db each below 1e-6', async () => {
    const event = await handleGradcheck(
      {
        type: 'gradcheck.run',
        requestId: 'q',
        subject: { kind: 'layer', layer: { type: 'conv2d', filters: 4, kernel: 3 }, inputs: 72, inputShape: [2, 6, 6], rows: 3 },
        seed: 1,
      },
      { kernels: defaultKernels, work: new RequestWork(), budget: new BudgetGuard() },
    );
    if (event.type !== 'gradcheck.report') throw new Error(`expected a report, got ${JSON.stringify(event)}`);
    expect(event.checks.map((check) => [check.name, check.shape])).toEqual([
      ['dx', [3, 72]],
      ['dW', [4, 2, 3, 3]],
      ['db', [4]],
    ]);
    for (const check of event.checks) expect(check.relativeError).toBeLessThan(1e-6);
  });

  it("still catches the exercise's db in a linear layer, alone and behind a convolution on its image input", async () => {
    const context = { kernels: defaultKernels, work: new RequestWork(), budget: new BudgetGuard() };
    const layer = await handleGradcheck(
      {
        type: 'gradcheck.run',
        requestId: 'q',
        subject: { kind: 'layer', layer: { type: 'linear', units: 4 }, inputs: 5, rows: 3 },
        seed: 1,
        variant: 'exercise-db',
      },
      context,
    );
    if (layer.type !== 'gradcheck.report') throw new Error('expected a report');
    expect(layer.checks.map((check) => [check.name, check.ok])).toEqual([
      ['dx', true],
      ['dW', true],
      ['db', false],
    ]);
    const spec: NetworkSpec = {
      input: 36,
      inputShape: [1, 6, 6],
      layers: [{ type: 'conv2d', filters: 2, kernel: 3 }, { type: 'relu' }, { type: 'flatten' }, { type: 'linear', units: 3 }, { type: 'softmax' }],
    };
    const network = await handleGradcheck(
      { type: 'gradcheck.run', requestId: 'q', subject: { kind: 'network', spec, rows: 3 }, seed: 1, variant: 'exercise-db' },
      context,
    );
    if (network.type !== 'gradcheck.report') throw new Error(`expected a report, got ${JSON.stringify(network)}`);
    expect(network.checks.filter((check) => !check.ok).map((check) => check.name)).toEqual(['layer 4 db']);
    expect(network.checks.find((check) => check.name === 'layer 1 dW')!.relativeError).toBeLessThan(1e-6);
  });

  it('answers a kernel larger than the input shape with the layer and the shapes, at subject.inputShape', async () => {
    const event = await handleGradcheck(
      {
        type: 'gradcheck.run',
        requestId: 'q',
        subject: { kind: 'layer', layer: { type: 'conv2d', filters: 4, kernel: 5 }, inputs: 18, inputShape: [2, 3, 3], rows: 3 },
        seed: 1,
      },
      { kernels: defaultKernels, work: new RequestWork(), budget: new BudgetGuard() },
    );
    expect(event).toEqual({
      type: 'error',
      requestId: 'q',
      field: 'subject.inputShape',
      message: 'the conv2d layer has a 5×5 kernel but the input gives 2×3×3: the window does not fit; use a smaller kernel, or padding same',
    });
  });

  it('answers a loss the network cannot use with an error naming subject.loss', async () => {
    const event = await handleGradcheck(
      {
        type: 'gradcheck.run',
        requestId: 'q',
        seed: 1,
        subject: { kind: 'network', spec: { input: 3, layers: [{ type: 'linear', units: 2 }, { type: 'relu' }] }, loss: 'cce', rows: 2 },
      },
      { kernels: defaultKernels, work: new RequestWork(), budget: new BudgetGuard() },
    );
    expect(event).toEqual({
      type: 'error',
      requestId: 'q',
      field: 'subject.loss',
      message: 'categorical cross-entropy needs a softmax as the last layer, but the last is layer 2 (relu)',
    });
  });
});
