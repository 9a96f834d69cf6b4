// The browser host's engine bridge, through a real WebSocket and a real engine process: validation, training, and recovery from a crash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../engine/protocol/index.js';
import type { TrainStart } from '../../engine/protocol/training.js';
import { EXERCISE_HYPERPARAMETERS } from '../../engine/training/hyperparameters.js';
import { childPidsOf, startBrowserHost, stopBrowserHost, type BrowserHostProcess } from './browserHostProcess.js';
import { isEvent, isStatus, openLabSocket, type LabSocket } from './labSocket.js';

const EXERCISE_NETWORK: TrainStart['spec'] = {
  input: 64,
  layers: [{ type: 'linear', units: 32 }, { type: 'relu' }, { type: 'linear', units: 1 }, { type: 'sigmoid' }],
};

function trainStart(runId: string, epochs: number): TrainStart {
  return { type: 'train.start', runId, spec: EXERCISE_NETWORK, dataSet: 'digits-binary', hyper: { ...EXERCISE_HYPERPARAMETERS, epochs } };
}

function eventOf(envelope: { kind: string; event?: EngineEvent }): EngineEvent {
  if (envelope.kind !== 'event' || !envelope.event) throw new Error(`expected an event, got ${JSON.stringify(envelope)}`);
  return envelope.event;
}

describe('browser host engine bridge', () => {
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

  it('answers a frame that is not JSON with an error event', async () => {
    socket.sendRaw('{"type": "train.start",');
    const error = eventOf(await socket.next(isEvent('error')));
    expect(error.type === 'error' && error.message).toMatch(/^bad request: not valid JSON/);
  });

  it('answers a request of an unknown type with an error event, and never forwards it', async () => {
    socket.send({ type: 'format.disk', runId: 'r-unknown' });
    const error = eventOf(await socket.next(isEvent('error', 'r-unknown')));
    expect(error.type === 'error' && error.message).toMatch(/^bad request: type/);
  });

  it('answers a negative learning rate with an error event that names the field', async () => {
    const request = trainStart('r-bad-lr', 1);
    socket.send({ ...request, hyper: { ...request.hyper, learningRate: -1 } });
    const error = eventOf(await socket.next(isEvent('error', 'r-bad-lr')));
    expect(error).toMatchObject({ type: 'error', runId: 'r-bad-lr', field: 'hyper.learningRate' });
    expect(error.type === 'error' && error.message).toMatch(/positive number/);
  });

  it('trains through the socket: started, one event per epoch, then finished with the weights as Float64Arrays', async () => {
    socket.send(trainStart('r-train', 3));
    const started = eventOf(await socket.next(isEvent('train.started', 'r-train')));
    expect(started).toMatchObject({ trainSize: expect.any(Number), testSize: expect.any(Number), parameterCount: 64 * 32 + 32 + 32 + 1 });
    const epochs = [];
    for (let i = 0; i < 3; i++) epochs.push(eventOf(await socket.next(isEvent('train.epoch', 'r-train'))));
    expect(epochs.map((e) => e.type === 'train.epoch' && e.metrics.epoch)).toEqual([1, 2, 3]);
    const finished = eventOf(await socket.next(isEvent('train.finished', 'r-train')));
    if (finished.type !== 'train.finished') throw new Error('unreachable');
    expect(finished.reason).toBe('completed');
    expect(finished.history).toHaveLength(3);
    const [W, b] = finished.weights.parameters;
    expect(W!.values).toBeInstanceOf(Float64Array);
    expect(W!.values.length).toBe(64 * 32);
    expect(b!.values).toBeInstanceOf(Float64Array);
  });

  it('reports a crashed engine when its process is killed, starts a fresh one, and trains again', async () => {
    const [engine, ...others] = childPidsOf(host.process.pid!);
    expect(engine).toBeDefined();
    expect(others).toEqual([]);
    process.kill(engine!, 'SIGKILL');

    const crashed = await socket.next(isStatus('crashed'));
    expect(crashed.kind === 'status' && crashed.status.state === 'crashed' && crashed.status.message).toMatch(/SIGKILL/);
    await socket.next(isStatus('ready'));
    const fresh = childPidsOf(host.process.pid!);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).not.toBe(engine);

    socket.send(trainStart('r-after-crash', 2));
    const finished = eventOf(await socket.next(isEvent('train.finished', 'r-after-crash')));
    expect(finished.type === 'train.finished' && finished.reason).toBe('completed');
  });

  it('gives each connection its own engine, stopped when the connection closes', async () => {
    const before = childPidsOf(host.process.pid!);
    const second = await openLabSocket(host.url, `http://localhost:${host.port}`);
    await second.next(isStatus('ready'));
    const during = childPidsOf(host.process.pid!);
    expect(during).toHaveLength(before.length + 1);
    second.close();
    const added = during.find((pid) => !before.includes(pid))!;
    await expect.poll(() => childPidsOf(host.process.pid!).includes(added)).toBe(false);
  });
});
