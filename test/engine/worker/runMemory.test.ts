// A long session's runs and requests give their WebAssembly memory back as each ends: runs trained and discarded one after another leave room for one more, and no answer carries an array of that memory; in-process.
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EngineRequest } from '../../../engine/protocol/index.js';
import type { NetworkSpec } from '../../../engine/spec.js';
import { EXERCISE_HYPERPARAMETERS } from '../../../engine/training/hyperparameters.js';
import { readWasmKernelBinaries } from '../../../engine/kernels/wasm/kernelFiles.js';
import { createWasmKernels, type WasmKernels } from '../../../engine/kernels/wasm/wasmKernels.js';
import { createInProcessEngine } from '../../../engine/worker/inProcessEntry.js';
import { createEventLog, isFinished } from '../support/eventLog.js';

/** A wide MLP on the 8×8 digits: 300,000 parameters, with Adam's two moments about 10 MB of the kernels' memory a run. */
const mlp: NetworkSpec = {
  input: 64,
  layers: [
    { type: 'linear', units: 512 },
    { type: 'relu' },
    { type: 'linear', units: 512 },
    { type: 'relu' },
    { type: 'linear', units: 10 },
    { type: 'softmax' },
  ],
};
/** A convnet on the digits read as 1×8×8 images: unfolded windows and pooling besides the parameters. */
const convnet: NetworkSpec = {
  input: 64,
  inputShape: [1, 8, 8],
  layers: [
    { type: 'conv2d', filters: 16, kernel: 3, padding: 'same' },
    { type: 'relu' },
    { type: 'maxpool2d', size: 2 },
    { type: 'flatten' },
    { type: 'linear', units: 10 },
    { type: 'softmax' },
  ],
};
const hyper = {
  ...EXERCISE_HYPERPARAMETERS,
  epochs: 1,
  batchSize: 32,
  trainFraction: 0.5,
  learningRate: 0.001,
  reduction: 'mean' as const,
  optimizer: { kind: 'adam' as const },
};
const data = { dataSet: 'digits' as const, trainFraction: hyper.trainFraction, seed: hyper.seed };

function engine(kernels: WasmKernels) {
  const log = createEventLog();
  const service = createInProcessEngine((event) => log.push(event), { kernels });
  const answer = (requestId: string) => log.next((event: EngineEvent): event is EngineEvent => 'requestId' in event && event.requestId === requestId);
  const train = async (runId: string, spec: NetworkSpec, extra: Record<string, unknown> = {}) => {
    service.receive({ type: 'train.start', runId, spec, dataSet: 'digits', hyper, ...extra } as EngineRequest);
    const finished = await log.next(
      (event: EngineEvent): event is EngineEvent => (event.type === 'train.finished' || event.type === 'error') && 'runId' in event && event.runId === runId,
    );
    expect(finished.type === 'error' ? finished.message : finished).toMatchObject({ type: 'train.finished', reason: 'completed' });
    // The answer has gone out; the request's memory goes back right after it.
    await new Promise((resolve) => setImmediate(resolve));
    return finished;
  };
  return { log, service, answer, train };
}

/** Every typed array reachable from `value`. */
function typedArraysIn(value: unknown, found: ArrayBufferView[] = []): ArrayBufferView[] {
  if (ArrayBuffer.isView(value)) found.push(value);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) typedArraysIn(item, found);
  return found;
}

describe("a session's kernel memory", () => {
  it('returns to its baseline after each run of many trained and discarded one after another, and one more run trains', async () => {
    const kernels = createWasmKernels(readWasmKernelBinaries()!, 'simd');
    const { service, train, answer } = engine(kernels);
    // What the kernels hold besides their own scratch (which grows to the largest array copied in from elsewhere).
    const held = () => kernels.memoryUse().inUseBytes - kernels.memoryUse().scratchBytes;
    try {
      expect(held()).toBe(0);
      await train('first-mlp', mlp);
      await train('first-convnet', convnet);
      expect(held()).toBe(0);
      const grown = kernels.memoryUse().reservedBytes;
      for (let i = 0; i < 8; i++) {
        await train(`run-${i}`, i % 2 === 0 ? mlp : convnet);
        expect(held()).toBe(0);
      }
      // Each run took the blocks the one before gave back: the memory never grew past what the first two needed.
      expect(kernels.memoryUse().reservedBytes).toBe(grown);
      await train('one-more', mlp);
      expect(held()).toBe(0);
      // The kept runs are copies outside that memory: the first run is still analysed from its kept weights.
      service.receive({ type: 'analysis.run', requestId: 'a', runId: 'first-mlp', data });
      expect(await answer('a')).toMatchObject({ type: 'analysis.report' });
      await new Promise((resolve) => setImmediate(resolve));
      expect(held()).toBe(0);
    } finally {
      service.dispose();
    }
  }, 120_000);

  it('answers every kind of request with arrays of its own, never views of the kernels’ memory, which is back to its level after them', async () => {
    const kernels = createWasmKernels(readWasmKernelBinaries()!, 'simd');
    const { service, train, answer, log } = engine(kernels);
    try {
      await train('mlp', mlp, { recordPath: true });
      await train('convnet', convnet);
      // A run on two-feature data sends its decision boundary as it trains.
      await train(
        'boundary',
        { input: 2, layers: [{ type: 'linear', units: 8 }, { type: 'tanh' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }] },
        {
          dataSet: { kind: 'toy', name: 'circles', size: 200, noise: 0.05 },
          hyper: { ...hyper, epochs: 3, batchSize: 10, optimizer: { kind: 'sgd' }, learningRate: 0.03 },
          boundary: true,
        },
      );
      expect(log.events.some((event) => event.type === 'train.boundary')).toBe(true);
      // Besides the kernels' own scratch (which grows to the largest array copied in from elsewhere).
      const held = () => kernels.memoryUse().inUseBytes - kernels.memoryUse().scratchBytes;
      const level = held();
      expect(level).toBe(0);
      const asks: Array<Record<string, unknown>> = [
        { type: 'analysis.run', runId: 'convnet', data },
        { type: 'featureMaps.run', runId: 'convnet', data, sampleIndex: 3 },
        { type: 'featureMaps.explain', runId: 'convnet', data, sampleIndex: 3, layer: 0, filter: 2, row: 4, column: 5 },
        { type: 'landscape.run', runId: 'mlp', data, resolution: 3, span: 1, directionSeed: 1 },
        { type: 'export.build', runId: 'mlp', format: 'weights.npz' },
        { type: 'epoch.estimate', spec: convnet, dataSet: 'digits', hyper },
        { type: 'compare.start', networks: [{ name: 'convnet', spec: convnet }], seeds: [1, 2], dataSet: 'digits', hyper },
      ];
      for (const [i, ask] of asks.entries()) {
        service.receive({ ...ask, requestId: `q${i}` } as EngineRequest);
        const answered = await (ask.type === 'compare.start'
          ? log.next((event: EngineEvent): event is EngineEvent => event.type === 'compare.finished' || (event.type === 'error' && event.requestId === `q${i}`))
          : answer(`q${i}`));
        expect(answered.type, JSON.stringify(answered).slice(0, 300)).not.toBe('error');
        await new Promise((resolve) => setImmediate(resolve));
        expect(held(), `after ${ask.type}`).toBe(level);
      }
      const arrays = log.events.flatMap((event) => typedArraysIn(event));
      expect(arrays.length).toBeGreaterThan(20);
      expect(arrays.filter((array) => array.buffer instanceof SharedArrayBuffer)).toEqual([]);
      expect(log.events.filter(isFinished('mlp'))).toHaveLength(1);
    } finally {
      service.dispose();
    }
  }, 120_000);
});
