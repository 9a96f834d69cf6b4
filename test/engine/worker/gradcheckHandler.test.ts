// gradcheck.run answered with a report of every check, or an error naming the field.
import { describe, expect, it } from 'vitest';
import { defaultKernels } from '../../../engine/kernels/defaultKernels.js';
import { handleGradcheck } from '../../../engine/worker/gradcheckHandler.js';
import { GradcheckReportSchema } from '../../../engine/protocol/gradcheck.js';
import { RequestWork } from '../../../engine/work/requestWork.js';
import { BudgetGuard } from '../../../engine/budget/budgetGuard.js';

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
