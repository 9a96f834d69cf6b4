// The Electron utility-process entry, driven through stand-ins for process.parentPort and MessagePortMain built on Node's MessageChannel.
import { EventEmitter } from 'node:events';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../engine/protocol/index.js';
import { EXERCISE_HYPERPARAMETERS } from '../../engine/training/hyperparameters.js';
import { createEventLog, isFinished } from './support/eventLog.js';

/** Electron's MessagePortMain delivers { data } to 'message' listeners; Node's MessagePort delivers the data itself. */
function electronStylePort(port: MessagePort) {
  return {
    on(event: string, listener: (arg?: unknown) => void) {
      if (event === 'message') port.on('message', (data) => listener({ data }));
      else port.on(event, listener);
    },
    postMessage: (message: unknown) => port.postMessage(message),
    start: () => port.start(),
    close: () => port.close(),
  };
}

/** What the entry posts back on the parent port (its answers to main's heartbeats). */
const parentPosts: unknown[] = [];
const parentPort = Object.assign(new EventEmitter(), { postMessage: (message: unknown) => parentPosts.push(message) });
(process as unknown as { parentPort: EventEmitter }).parentPort = parentPort;
await import('../../engine/worker/utilityProcessEntry.js');
const opened: MessagePort[] = [];

function connectRenderer() {
  const { port1, port2 } = new MessageChannel();
  opened.push(port1, port2);
  const log = createEventLog();
  port2.on('message', (event: EngineEvent) => log.push(event));
  parentPort.emit('message', { data: 'engine-port', ports: [electronStylePort(port1)] });
  return { log, send: (message: unknown) => port2.postMessage(message) };
}

const start = (runId: string, epochs: number) => ({
  type: 'train.start',
  runId,
  dataSet: 'digits-binary',
  spec: { input: 64, layers: [{ type: 'linear', units: 1 }, { type: 'sigmoid' }] },
  hyper: { ...EXERCISE_HYPERPARAMETERS, epochs },
});

describe('the utility process entry', () => {
  afterAll(() => {
    for (const port of opened) port.close();
  });

  it("answers main's heartbeat on the parent port with the work in progress", async () => {
    const renderer = connectRenderer();
    renderer.send(start('beat', 200));
    await renderer.log.next((event) => event.type === 'train.epoch');
    parentPort.emit('message', { data: { type: 'engine.ping', requestId: 'heartbeat-1' }, ports: [] });
    expect(parentPosts).toContainEqual({ type: 'engine.pong', requestId: 'heartbeat-1', busy: 1 });
    renderer.send({ type: 'train.stop', runId: 'beat' });
    await renderer.log.next(isFinished('beat'));
  });

  it('speaks the protocol on the port the parent sends', async () => {
    const renderer = connectRenderer();
    renderer.send(start('u1', 2));
    const finished = await renderer.log.next(isFinished('u1'));
    expect(finished.history).toHaveLength(2);
    expect(finished.weights.parameters[1]!.name).toBe('b');
    expect(finished.weights.parameters[1]!.values).toBeInstanceOf(Float64Array);
  });

  it("holds the port to the lab's size limits: a CSV over the limit is answered with an error naming it, and the port still works", async () => {
    const renderer = connectRenderer();
    renderer.send({ ...start('huge', 1), dataSet: { kind: 'csv', fileName: 'huge.csv', text: 'a,b\n'.repeat(17_000_000) } });
    const refusal = await renderer.log.next((event): event is Extract<EngineEvent, { type: 'error' }> => event.type === 'error');
    expect(refusal).toEqual({
      type: 'error',
      runId: 'huge',
      code: 'too-large',
      field: 'dataSet.text',
      message: 'the CSV file is 64.9 MB; the lab takes at most 64 MB',
    });
    renderer.send(start('after', 1));
    expect((await renderer.log.next(isFinished('after'))).reason).toBe('completed');
  });

  it('moves to a new port when the parent sends one (a renderer reload)', async () => {
    const old = connectRenderer();
    old.send(start('long', 25));
    await old.log.next((event): event is EngineEvent => event.type === 'train.started');
    const fresh = connectRenderer();
    fresh.send(start('u2', 1));
    const finished = await fresh.log.next(isFinished('u2'));
    expect(finished.reason).toBe('completed');
    expect(fresh.log.events.some((event) => 'runId' in event && event.runId === 'long')).toBe(false);
  });
});
