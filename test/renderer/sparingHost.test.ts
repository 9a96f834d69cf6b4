// The renderer's sparing host (plain Node) over the real engine in this process: a CSV's text and a run's weights go once,
// again only when the engine says it no longer has them, and a request too large is refused at its field before it leaves.
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../engine/data/sha256.js';
import type { EngineStatus, LabHost } from '../../contract/labHost.js';
import type { EngineEvent, EngineRequest } from '../../engine/protocol/index.js';
import { EXERCISE_HYPERPARAMETERS } from '../../engine/training/hyperparameters.js';
import { createInProcessEngine } from '../../engine/worker/inProcessEntry.js';
import type { EngineService } from '../../engine/worker/engineService.js';
import { EngineRequests } from '../../renderer/host/engineRequests.js';
import { createSparingHost, webCryptoSha256 } from '../../renderer/host/sparingHost.js';

/** A LabHost over an in-process engine that records what it was sent; `replaceEngine` swaps in a fresh engine (silently, or as a crash). */
function recordingHost() {
  const eventListeners = new Set<(event: EngineEvent) => void>();
  const statusListeners = new Set<(status: EngineStatus) => void>();
  const sent: EngineRequest[] = [];
  const start = () =>
    createInProcessEngine((event) => {
      for (const listener of eventListeners) listener(event);
    });
  let engine: EngineService = start();
  const host: LabHost = {
    kind: 'browser',
    send: (request) => {
      sent.push(request);
      engine.receive(request);
    },
    onEvent: (listener) => {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onStatus: (listener) => {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    saveFile: async () => ({ state: 'cancelled' }),
  };
  const replaceEngine = (asCrash: boolean) => {
    engine.dispose();
    engine = start();
    if (asCrash) for (const listener of statusListeners) listener({ state: 'crashed', message: 'The engine process was killed' });
  };
  return { host, sent, replaceEngine, dispose: () => engine.dispose() };
}

const text = ['a,b,label', ...Array.from({ length: 40 }, (_, i) => `${i % 9},${(i * 7) % 11},${i % 2}`)].join('\n');
const csv = { kind: 'csv' as const, fileName: 'pairs.csv', text };
const spec = {
  input: 2,
  layers: [{ type: 'linear' as const, units: 3 }, { type: 'relu' as const }, { type: 'linear' as const, units: 1 }, { type: 'sigmoid' as const }],
};
const hyper = { ...EXERCISE_HYPERPARAMETERS, epochs: 2, batchSize: 4 };
const data = { dataSet: csv, trainFraction: hyper.trainFraction, seed: hyper.seed };

/** The sparing host and what the renderer would see: every event, and a way to train a run to its end. */
function setUp() {
  const inner = recordingHost();
  const host = createSparingHost(inner.host);
  const events: EngineEvent[] = [];
  host.onEvent((event) => events.push(event));
  const requests = new EngineRequests(host);
  requests.connect();
  const train = (runId: string) =>
    new Promise<Extract<EngineEvent, { type: 'train.finished' }>>((resolve, reject) => {
      const off = host.onEvent((event) => {
        if (!('runId' in event) || event.runId !== runId) return;
        if (event.type === 'train.finished') {
          off();
          resolve(event);
        }
        if (event.type === 'error') {
          off();
          reject(new Error(event.message));
        }
      });
      host.send({ type: 'train.start', runId, spec, dataSet: csv, hyper, recordPath: true });
    });
  return { inner, host, events, requests, train };
}

const carriesText = (request: EngineRequest) => JSON.stringify(request, (_, value) => (ArrayBuffer.isView(value) ? [] : value)).includes('"text"');

describe('the sparing host', () => {
  it('computes the same table name as the engine', async () => {
    expect(await webCryptoSha256(text)).toBe(sha256Hex(text));
  });

  it("sends a CSV's text with the first request and names it by its hash afterwards", async () => {
    const { inner, requests, train } = setUp();
    await train('r1');
    const report = await requests.ask({ type: 'spec.check', spec, dataSet: csv }, 'spec.report');
    expect(report.issues).toEqual([]);
    expect(inner.sent.map(carriesText)).toEqual([true, false]);
    expect(inner.sent[1]).toMatchObject({ type: 'spec.check', dataSet: { kind: 'csv', fileName: 'pairs.csv', table: sha256Hex(text) } });
    inner.dispose();
  });

  it("sends a finished run's id without its weights, and the weights again when the engine has lost them", async () => {
    const { inner, requests, train, events } = setUp();
    const finished = await train('r1');
    const run = { runId: 'r1', weights: finished.weights };
    await requests.ask({ type: 'analysis.run', ...run, data }, 'analysis.report');
    expect(inner.sent.at(-1)).not.toHaveProperty('weights');
    expect(inner.sent.at(-1)).toMatchObject({ runId: 'r1', data: { dataSet: { table: sha256Hex(text) } } });

    inner.replaceEngine(false);
    const before = inner.sent.length;
    const report = await requests.ask({ type: 'analysis.run', ...run, data, sampleIndex: 1 }, 'analysis.report');
    expect(report.sample.index).toBe(1);
    const retried = inner.sent.slice(before);
    expect(retried.map((request) => [request.type, 'weights' in request, carriesText(request)])).toEqual([
      ['analysis.run', false, false],
      ['analysis.run', true, true],
    ]);
    expect(events.some((event) => event.type === 'error' && event.code !== undefined)).toBe(false);

    await requests.ask({ type: 'landscape.run', ...run, data, path: finished.parameterPath!, resolution: 3, span: 1, directionSeed: 1 }, 'landscape.grid');
    expect(inner.sent.at(-1)).not.toHaveProperty('weights');
    expect(inner.sent.at(-1)).toHaveProperty('path');
    const grid = await requests.ask(
      { type: 'landscape.run', ...run, data, path: finished.parameterPath!, resolution: 3, span: 1, directionSeed: 2 },
      'landscape.grid',
    );
    expect(inner.sent.at(-1)).not.toHaveProperty('path');
    expect(grid.path?.alpha.length).toBe(finished.parameterPath!.length);
    inner.dispose();
  });

  it('sends everything again after the engine crashed, and trains a CSV run with a fresh engine', async () => {
    const { inner, requests, train } = setUp();
    const finished = await train('r1');
    inner.replaceEngine(true);
    const before = inner.sent.length;
    await requests.ask({ type: 'export.build', format: 'model.onnx', runId: 'r1', weights: finished.weights }, 'export.file');
    await train('r2');
    expect(inner.sent.slice(before).map((request) => [request.type, 'weights' in request, carriesText(request)])).toEqual([
      ['export.build', true, false],
      ['train.start', false, true],
    ]);
    inner.dispose();
  });

  it('sends picked image files with the first request, names them by their digest afterwards, and sends them again to a fresh engine', async () => {
    const { inner, requests } = setUp();
    const image = (count: number, dims: number[]) => {
      const bytes = new Uint8Array(4 + 4 * dims.length + count);
      bytes.set([0, 0, 0x08, dims.length]);
      dims.forEach((d, i) => new DataView(bytes.buffer).setUint32(4 + 4 * i, d, false));
      return bytes;
    };
    const files = [
      { name: 'train-images-idx3-ubyte', bytes: image(8 * 4, [8, 2, 2]) },
      { name: 'train-labels-idx1-ubyte', bytes: image(8, [8]) },
      { name: 't10k-images-idx3-ubyte', bytes: image(4 * 4, [4, 2, 2]) },
      { name: 't10k-labels-idx1-ubyte', bytes: image(4, [4]) },
    ];
    const picked = { kind: 'images' as const, picked: { name: 'tiny', digest: 'e'.repeat(64), files } };
    const ask = () => requests.ask({ type: 'data.preview', dataSet: picked, trainFraction: 0.5, seed: 1 }, 'data.previewed');
    const carriesFiles = (request: EngineRequest) =>
      request.type === 'data.preview' && typeof request.dataSet === 'object' && 'picked' in request.dataSet && request.dataSet.picked?.files !== undefined;
    expect((await ask()).trainSize).toBe(8);
    expect((await ask()).testSize).toBe(4);
    expect(inner.sent.map(carriesFiles)).toEqual([true, false]);
    expect(inner.sent[1]).toMatchObject({ dataSet: { kind: 'images', picked: { name: 'tiny', digest: 'e'.repeat(64) } } });

    inner.replaceEngine(false);
    expect((await ask()).trainSize).toBe(8);
    expect(inner.sent.slice(2).map(carriesFiles)).toEqual([false, true]);
    inner.replaceEngine(true);
    expect((await ask()).trainSize).toBe(8);
    expect(inner.sent.slice(4).map(carriesFiles)).toEqual([true]);
    inner.dispose();
  });

  it('refuses a request larger than the largest request at the field that holds the most, and sends nothing', async () => {
    const { inner, host, events } = setUp();
    const point = new Float64Array(1024 * 1024);
    const weights = { spec, layers: [] } as unknown as Extract<EngineEvent, { type: 'train.finished' }>['weights'];
    host.send({
      type: 'landscape.run',
      requestId: 'l-huge',
      weights,
      data,
      path: Array.from({ length: 27 }, () => point), // 216 MB as the wire carries it, the raw bytes
      resolution: 3,
      span: 1,
      directionSeed: 1,
    });
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toEqual({
      type: 'error',
      requestId: 'l-huge',
      code: 'too-large',
      field: 'path',
      message: 'the request is 216.1 MB; the lab takes at most 208 MB',
    });
    expect(inner.sent).toEqual([]);
    inner.dispose();
  });

  it('refuses a CSV larger than the lab takes at its field, naming the limit and the size, and sends nothing', async () => {
    const { inner, host, events } = setUp();
    const huge = 'a,b\n'.repeat(17_600_000);
    host.send({ type: 'train.start', runId: 'big', spec, dataSet: { ...csv, text: huge }, hyper });
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toEqual({
      type: 'error',
      runId: 'big',
      code: 'too-large',
      field: 'dataSet.text',
      message: 'the CSV file is 67.2 MB; the lab takes at most 64 MB',
    });
    expect(inner.sent).toEqual([]);
    inner.dispose();
  });
});
