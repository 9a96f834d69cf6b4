// Every costly request is refused before it allocates or loops, with its cost and the limit at the field; the same request within the budget runs.
import { describe, expect, it } from 'vitest';
import { EXERCISE_HYPERPARAMETERS } from '../../../engine/training/hyperparameters.js';
import type { EngineEvent, EngineRequest } from '../../../engine/protocol/index.js';
import { parseSpecText } from '../../../engine/specText.js';
import { createInProcessEngine } from '../../../engine/worker/inProcessEntry.js';
import { parseMemoryBudgetMegabytes } from '../../../engine/budget/engineBudget.js';
import { blockBytes } from '../../../engine/budget/networkCost.js';
import { readWasmKernelBinaries } from '../../../engine/kernels/wasm/kernelFiles.js';
import { createWasmKernels } from '../../../engine/kernels/wasm/wasmKernels.js';
import { buildNetwork } from '../../../engine/network/network.js';
import { createRandom } from '../../../engine/random.js';

const MB = 1024 * 1024;
/** A 22 KB expression: a 1000 × 1000 grid or 100,000 descent steps of it are far over the work budget. */
const HUGE_EXPRESSION = Array.from({ length: 1700 }, (_, k) => `sin(x*${k})*y`).join('+');

/** The first answer to `request` from a fresh in-process engine (with `budget` bytes of memory, if given), and how long it took. */
async function answer(request: EngineRequest, options: { budget?: number; before?: EngineRequest[] } = {}): Promise<{ event: EngineEvent; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const id = 'requestId' in request ? request.requestId : request.runId;
    const engine = createInProcessEngine(
      (event) => {
        const eventId = 'requestId' in event ? event.requestId : 'runId' in event ? event.runId : undefined;
        if (eventId !== id || event.type === 'train.started' || event.type === 'engine.configured') return;
        engine.dispose();
        resolve({ event, ms: Date.now() - started });
      },
      options.budget ? { budget: { memoryBytes: options.budget } } : {},
    );
    for (const before of options.before ?? []) engine.receive(before);
    engine.receive(request);
  });
}

const train = (net: string, extra: Partial<typeof EXERCISE_HYPERPARAMETERS> = {}): EngineRequest => ({
  type: 'train.start',
  runId: 'r',
  spec: parseSpecText(net, 64),
  dataSet: 'digits-binary',
  hyper: { ...EXERCISE_HYPERPARAMETERS, epochs: 1, ...extra },
});

describe('budgets before work', () => {
  it('refuses linear:20000000 at once, at its layer, with the memory it needs and the budget', async () => {
    const { event, ms } = await answer(train('linear:20000000,sigmoid'));
    expect(event).toMatchObject({ type: 'error', runId: 'r', code: 'over-budget', field: 'spec.layers.0' });
    if (event.type !== 'error') throw new Error(event.type);
    expect(event.message).toMatch(
      /^the network needs about [\d.]+ GB of memory \(1\.3e9 parameters, 400,000,640 activations for a minibatch of 10\); the engine's memory budget is 1 GB/,
    );
    expect(event.message).toContain(
      "use fewer units in layer 1 (linear), or raise the engine's memory budget (Settings in the app, --memory-limit on the command line)",
    );
    expect(ms).toBeLessThan(5000);
  });

  it('points at the minibatch size when one minibatch is more work than a run may do between two turns', async () => {
    const { event } = await answer(train('linear:4096,relu,linear:4096,relu,linear:1,sigmoid', { batchSize: 400 }), { budget: 8192 * MB });
    expect(event).toMatchObject({ type: 'error', code: 'over-budget', field: 'hyper.batchSize' });
    if (event.type !== 'error') throw new Error(event.type);
    expect(event.message).toMatch(
      /^the network needs about .* multiply-adds \(a forward and backward pass .* on 400 samples\); the engine does at most 5e9 per minibatch/,
    );
  });

  it('trains the same network when the budget is raised by engine.configure', async () => {
    const request = train('linear:2048,relu,linear:2048,relu,linear:1,sigmoid');
    const tight = await answer(request, { budget: 256 * MB });
    expect(tight.event).toMatchObject({ type: 'error', code: 'over-budget', field: 'spec.layers.2' });
    const raised = await answer(request, { budget: 256 * MB, before: [{ type: 'engine.configure', requestId: 'c', memoryBudget: 512 * MB }] });
    expect(raised.event.type).toMatch(/^train\.(epoch|batches)$/);
  });

  it("refuses a gradient check at the schema's largest sizes with its multiply-adds and the limit", async () => {
    const { event, ms } = await answer({
      type: 'gradcheck.run',
      requestId: 'g',
      seed: 1,
      subject: { kind: 'layer', layer: { type: 'linear', units: 4096 }, inputs: 4096, rows: 256 },
    });
    expect(event).toMatchObject({ type: 'error', requestId: 'g', code: 'over-budget', field: 'subject.layer.units' });
    if (event.type !== 'error') throw new Error(event.type);
    expect(event.message).toMatch(
      /^the gradient check needs about [\d.]+e\d+ multiply-adds \(.* evaluations on 256 rows\); the engine does at most 2e11 for one request/,
    );
    expect(ms).toBeLessThan(2000);
  });

  it('refuses a 1000 × 1000 grid and 100,000 descent steps of a 22 KB expression at the field', async () => {
    expect(HUGE_EXPRESSION.length).toBeGreaterThan(22000);
    const grid = await answer({ type: 'surface.evaluate', requestId: 's', surface: HUGE_EXPRESSION, nx: 1000, ny: 1000 });
    expect(grid.event).toMatchObject({ type: 'error', code: 'over-budget', field: 'surface' });
    expect(grid.ms).toBeLessThan(2000);
    const descent = await answer({
      type: 'surface.descend',
      requestId: 'd',
      surface: HUGE_EXPRESSION,
      start: { x: 1, y: 1 },
      learningRate: 0.01,
      steps: 100000,
    });
    expect(descent.event).toMatchObject({ type: 'error', code: 'over-budget', field: 'steps' });
    if (descent.event.type !== 'error') throw new Error(descent.event.type);
    expect(descent.event.message).toMatch(
      /^the descent needs about .* evaluations of the expression's terms \(100,000 steps × [\d,]+ terms of the expression\); the engine does at most 1e9/,
    );
  });

  it('still answers the ordinary requests of every lab', async () => {
    expect((await answer({ type: 'surface.evaluate', requestId: 's', surface: 'x^2 + y^2 + x*(y + 2) + cos(3*x)', nx: 1000, ny: 1000 })).event.type).toBe(
      'surface.grid',
    );
    expect(
      (await answer({ type: 'surface.descend', requestId: 'd', surface: 'exercise', start: { x: 3, y: 2 }, learningRate: 0.1, steps: 100000 })).event.type,
    ).toBe('surface.path');
    const check = await answer({
      type: 'gradcheck.run',
      requestId: 'g',
      seed: 1,
      subject: { kind: 'network', spec: parseSpecText('linear:32,relu,linear:1,sigmoid', 64), rows: 10 },
    });
    expect(check.event.type).toBe('gradcheck.report');
  });

  it("reports a network too large to train in the builder's spec check, at its layer", async () => {
    const { event } = await answer({ type: 'spec.check', requestId: 'c', spec: parseSpecText('linear:20000000,sigmoid', 64) });
    if (event.type !== 'spec.report') throw new Error(event.type);
    expect(event.issues).toEqual([expect.objectContaining({ field: 'spec.layers.0', message: expect.stringMatching(/^the network needs about/) })]);
  });

  it('refuses a memory budget outside its range, and reads one in megabytes', async () => {
    const { event } = await answer({ type: 'engine.configure', requestId: 'c', memoryBudget: 1 });
    expect(event).toMatchObject({ type: 'error', field: 'memoryBudget', message: expect.stringContaining('at least 256 MB') });
    expect(parseMemoryBudgetMegabytes('2048')).toEqual({ bytes: 2048 * MB });
    expect(parseMemoryBudgetMegabytes('lots')).toEqual({ message: '"lots" is not a number of megabytes' });
    expect(parseMemoryBudgetMegabytes('10')).toEqual({ message: 'the memory budget must be at least 256 MB' });
  });

  it("costs an array as the kernels' arena allocates it, in blocks of a power of two", () => {
    expect([blockBytes(1), blockBytes(8), blockBytes(9), blockBytes(1000)]).toEqual([64, 64, 128, 8192]);
  });

  it('refuses the feature maps and the analysis of a network too large for them, with their size, before it builds the network', async () => {
    // 2,048 filters over the 8×8 digits: 131,072 values a layer for each of the 21 samples passed (the chosen one and two of each class).
    const spec = { input: 64, inputShape: [1, 8, 8], layers: parseSpecText('conv2d:2048:3:1:same,relu,flatten,linear:10,softmax', 64).layers };
    const weights = buildNetwork(spec, createRandom(1)).trainedWeights();
    const data = { dataSet: 'digits' as const, trainFraction: 0.5, seed: 3 };
    const kernels = createWasmKernels(readWasmKernelBinaries()!, 'simd');
    const before = kernels.memoryUse();
    const ask = (request: Record<string, unknown>, budget: number) =>
      new Promise<EngineEvent>((resolve) => {
        const engine = createInProcessEngine(
          (event) => {
            if (!('requestId' in event) || event.requestId !== 'f' || event.type === 'engine.configured') return;
            engine.dispose();
            resolve(event);
          },
          { kernels, budget: { memoryBytes: budget } },
        );
        engine.receive({ ...request, requestId: 'f', weights, data } as EngineRequest);
      });
    const refused = await ask({ type: 'featureMaps.run', sampleIndex: 0 }, 256 * MB);
    expect(refused).toMatchObject({ type: 'error', requestId: 'f', code: 'over-budget', field: 'weights' });
    if (refused.type !== 'error') throw new Error(refused.type);
    expect(refused.message).toMatch(
      /^drawing the feature maps needs about [\d.]+ MB of memory \(1,331,210 parameters and [\d,]+ activations for the chosen sample and a gallery of 20\); the engine's memory budget is 256 MB/,
    );
    // An analysis of the same network (two copies of it, the test set in chunks of 5) is refused too.
    const analysis = await ask({ type: 'analysis.run' }, 256 * MB);
    expect(analysis).toMatchObject({ type: 'error', requestId: 'f', code: 'over-budget', field: 'weights' });
    if (analysis.type !== 'error') throw new Error(analysis.type);
    expect(analysis.message).toMatch(
      /^the analysis needs about [\d.]+ MB of memory \(1,331,210 parameters twice over and [\d,]+ activations for 5 of its 899 samples at a time\)/,
    );
    // Nothing of the network was built: the kernels' memory is as it was.
    expect(kernels.memoryUse()).toEqual(before);
    // One value's explanation passes over the sample alone, which fits.
    const explained = await ask({ type: 'featureMaps.explain', sampleIndex: 0, layer: 0, filter: 7, row: 3, column: 4 }, 256 * MB);
    expect(explained.type).toBe('featureMaps.explained');
    // With a larger budget the same maps are drawn.
    const drawn = await ask({ type: 'featureMaps.run', sampleIndex: 0 }, 1024 * MB);
    if (drawn.type !== 'featureMaps.report') throw new Error(JSON.stringify(drawn).slice(0, 300));
    expect(drawn.layers[0]!.before).toHaveLength(2048 * 64);
    expect(drawn.gallery).toHaveLength(20);
  });
});
