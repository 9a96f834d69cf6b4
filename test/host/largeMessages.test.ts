// The browser host with large messages, through a real WebSocket and engine process: a 10 MB CSV, a network of over 98k
// parameters, a request over the limit answered without closing the connection, and the renderer's hosts after an engine crash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sha256Hex } from '../../engine/data/sha256.js';
import { MAX_REQUEST_BYTES } from '../../engine/limits.js';
import type { EngineEvent } from '../../engine/protocol/index.js';
import type { TrainStart } from '../../engine/protocol/training.js';
import { EXERCISE_HYPERPARAMETERS } from '../../engine/training/hyperparameters.js';
import { createBrowserHost } from '../../renderer/host/browserHost.js';
import { checkedHost } from '../../renderer/host/checkedHost.js';
import { EngineRequests } from '../../renderer/host/engineRequests.js';
import { createSparingHost } from '../../renderer/host/sparingHost.js';
import { childPidsOf, startBrowserHost, stopBrowserHost, type BrowserHostProcess } from './browserHostProcess.js';
import { isEvent, isStatus, openLabSocket, type LabSocket } from './labSocket.js';

/** A table of `rows` rows of eight numeric features and a 0/1 label that depends on the first two; about 58 bytes a row. */
function numericCsv(rows: number): string {
  let state = 12345;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const lines = ['f1,f2,f3,f4,f5,f6,f7,f8,label'];
  for (let r = 0; r < rows; r++) {
    const features = Array.from({ length: 8 }, next);
    lines.push(`${features.map((v) => v.toFixed(4)).join(',')},${features[0]! + features[1]! > 1 ? 1 : 0}`);
  }
  return lines.join('\n');
}

const eventOf = (envelope: { kind: string; event?: EngineEvent }): EngineEvent => {
  if (envelope.kind !== 'event' || !envelope.event) throw new Error(`expected an event, got ${JSON.stringify(envelope)}`);
  return envelope.event;
};
const smallNetwork: TrainStart['spec'] = {
  input: 8,
  layers: [{ type: 'linear', units: 4 }, { type: 'tanh' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }],
};
/** 64 → 1536 → 1: 101,377 parameters, over the 98k whose weights no longer fit a 1 MiB frame. */
const wideNetwork: TrainStart['spec'] = {
  input: 64,
  layers: [{ type: 'linear', units: 1536 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }],
};
const oneEpoch = { ...EXERCISE_HYPERPARAMETERS, epochs: 1, batchSize: 500, learningRate: 0.001, reduction: 'mean' as const };

describe('the browser host with large messages', () => {
  let host: BrowserHostProcess;
  let socket: LabSocket;
  beforeAll(async () => {
    host = await startBrowserHost();
    socket = await openLabSocket(host.url, `http://127.0.0.1:${host.port}`);
    await socket.next(isStatus('ready'));
  });
  afterAll(async () => {
    socket.close();
    await stopBrowserHost(host.process);
  });

  it('trains on a 10 MB CSV sent through the WebSocket, then again on the same table named by its hash', async () => {
    const text = numericCsv(185_000);
    expect(text.length).toBeGreaterThan(10 * 1024 * 1024);
    socket.send({ type: 'train.start', runId: 'csv-1', spec: smallNetwork, dataSet: { kind: 'csv', fileName: 'big.csv', text }, hyper: oneEpoch });
    const first = eventOf(await socket.next(isEvent('train.finished', 'csv-1')));
    expect(first).toMatchObject({ reason: 'completed', history: [{ epoch: 1 }] });
    socket.send({
      type: 'train.start',
      runId: 'csv-2',
      spec: smallNetwork,
      dataSet: { kind: 'csv', fileName: 'big.csv', table: sha256Hex(text) },
      hyper: oneEpoch,
    });
    const second = eventOf(await socket.next(isEvent('train.finished', 'csv-2')));
    expect(second.type === 'train.finished' && second.history).toEqual(first.type === 'train.finished' && first.history);
  }, 120_000);

  it('analyses a network of over 98k parameters by its run id, and with its weights sent in full', async () => {
    socket.send({ type: 'train.start', runId: 'wide', spec: wideNetwork, dataSet: 'digits-binary', hyper: { ...oneEpoch, batchSize: 10 } });
    const finished = eventOf(await socket.next(isEvent('train.finished', 'wide')));
    if (finished.type !== 'train.finished') throw new Error('expected train.finished');
    const data = { dataSet: 'digits-binary' as const, trainFraction: oneEpoch.trainFraction, seed: oneEpoch.seed };
    socket.send({ type: 'analysis.run', requestId: 'wide-by-id', runId: 'wide', data });
    const byId = eventOf(
      await socket.next((envelope) => envelope.kind === 'event' && 'requestId' in envelope.event && envelope.event.requestId === 'wide-by-id'),
    );
    expect(byId.type).toBe('analysis.report');
    socket.send({ type: 'analysis.run', requestId: 'wide-in-full', weights: finished.weights, data });
    const inFull = eventOf(
      await socket.next((envelope) => envelope.kind === 'event' && 'requestId' in envelope.event && envelope.event.requestId === 'wide-in-full'),
    );
    expect(inFull.type).toBe('analysis.report');
    expect(inFull.type === 'analysis.report' && inFull.confusion).toEqual(byId.type === 'analysis.report' && byId.confusion);
  }, 120_000);

  it('answers a request over the limit with an error naming the limit, and the connection stays open and usable', async () => {
    const head = '{"type":"train.start","runId":"too-big","dataSet":{"kind":"csv","fileName":"huge.csv","text":"';
    socket.sendRaw(`${head}${'1'.repeat(MAX_REQUEST_BYTES + 1024 * 1024 - head.length)}"}}`);
    const error = eventOf(await socket.next(isEvent('error', 'too-big')));
    expect(error).toMatchObject({ type: 'error', runId: 'too-big', code: 'too-large', message: 'the request is 209.1 MB; the lab takes at most 208 MB' });
    socket.send({ type: 'engine.describe', requestId: 'after' });
    const catalog = eventOf(await socket.next((envelope) => envelope.kind === 'event' && envelope.event.type === 'engine.catalog'));
    expect(catalog.type === 'engine.catalog' && catalog.requestId).toBe('after');
    expect(socket.received.some((envelope) => envelope.kind === 'status' && envelope.status.state === 'crashed')).toBe(false);
  }, 120_000);
});

describe("the renderer's hosts over the browser host, after its engine is killed", () => {
  let host: BrowserHostProcess;
  beforeAll(async () => {
    host = await startBrowserHost();
  });
  afterAll(async () => {
    await stopBrowserHost(host.process);
  });

  it('analyse an earlier run and train on a CSV again, sending the weights and the text again by themselves', async () => {
    const origin = `http://127.0.0.1:${host.port}`;
    // The page's WebSocket, as a browser makes it: with the page's Origin.
    (globalThis as { WebSocket?: unknown }).WebSocket = class extends WebSocket {
      constructor(address: string) {
        super(address, { origin });
      }
    };
    const statuses: string[] = [];
    const labHost = createSparingHost(checkedHost(createBrowserHost(new URL('engine', host.url))));
    labHost.onStatus((status) => statuses.push(status.state));
    const requests = new EngineRequests(labHost);
    requests.connect();
    const text = numericCsv(2000);
    const dataSet = { kind: 'csv' as const, fileName: 'small.csv', text };
    const train = (runId: string) =>
      new Promise<Extract<EngineEvent, { type: 'train.finished' }>>((resolve, reject) => {
        const off = labHost.onEvent((event) => {
          if (!('runId' in event) || event.runId !== runId || (event.type !== 'train.finished' && event.type !== 'error')) return;
          off();
          if (event.type === 'train.finished') resolve(event);
          else reject(new Error(event.message));
        });
        labHost.send({ type: 'train.start', runId, spec: smallNetwork, dataSet, hyper: oneEpoch });
      });
    await expect.poll(() => statuses).toContain('ready');
    const finished = await train('before');
    const data = { dataSet, trainFraction: oneEpoch.trainFraction, seed: oneEpoch.seed };
    const before = await requests.ask({ type: 'analysis.run', runId: 'before', weights: finished.weights, data }, 'analysis.report');

    const engines = childPidsOf(host.process.pid!);
    expect(engines).toHaveLength(1);
    process.kill(engines[0]!, 'SIGKILL');
    await expect.poll(() => statuses.slice(-2)).toEqual(['crashed', 'ready']);

    const after = await requests.ask({ type: 'analysis.run', runId: 'before', weights: finished.weights, data }, 'analysis.report');
    expect(after.confusion).toEqual(before.confusion);
    expect((await train('after')).history).toEqual(finished.history);
    delete (globalThis as { WebSocket?: unknown }).WebSocket;
  }, 120_000);
});
