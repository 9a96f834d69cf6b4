// The engine as a real Node child process (the browser host's way): requests and events in the wire's frames over IPC with advanced serialisation.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWire, encodeWire, type HostEnvelope } from '../../contract/wire.js';
import { FrameAssembler, framesOf } from '../../contract/wireFrames.js';
import type { EngineEvent } from '../../engine/protocol/index.js';
import { EXERCISE_HYPERPARAMETERS } from '../../engine/training/hyperparameters.js';
import { ensureBuilt, REPOSITORY } from './support/ensureBuilt.js';
import { createEventLog, isError, isFinished } from './support/eventLog.js';

describe('the child process entry', () => {
  let child: ChildProcess;
  const log = createEventLog();

  beforeAll(() => {
    ensureBuilt();
    child = fork(join(REPOSITORY, 'dist/engine/worker/childProcessEntry.js'), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const assembler = new FrameAssembler(Number.MAX_SAFE_INTEGER);
    child.on('message', (frame: unknown) => {
      if (!(frame instanceof Uint8Array)) return hostAnswers.push(frame);
      const assembled = assembler.push(frame);
      if (assembled && 'message' in assembled) {
        const envelope = decodeWire(assembled.message) as HostEnvelope;
        if (envelope.kind === 'event') log.push(envelope.event);
      }
    });
  });

  const hostAnswers: unknown[] = [];
  let streams = 0;
  const send = (request: unknown): void => framesOf(encodeWire(request), ++streams).forEach((frame) => child.send(frame));

  afterAll(() => {
    child.kill();
  });

  it('trains and sends the weights back as Float64Arrays', async () => {
    send({
      type: 'train.start',
      runId: 'child',
      dataSet: 'digits-binary',
      spec: { input: 64, layers: [{ type: 'linear', units: 1 }, { type: 'sigmoid' }] },
      hyper: { ...EXERCISE_HYPERPARAMETERS, epochs: 2 },
    });
    const finished = await log.next(isFinished('child'));
    expect(finished.reason).toBe('completed');
    expect(finished.history).toHaveLength(2);
    expect(finished.weights.parameters[0]!.name).toBe('W');
    expect(finished.weights.parameters[0]!.values).toBeInstanceOf(Float64Array);
    expect(finished.weights.parameters[0]!.values).toHaveLength(64);
  });

  it('answers a malformed message with an error event and keeps running', async () => {
    send({ type: 'train.start', runId: 'bad' });
    const error = await log.next(isError);
    expect(error.runId).toBe('bad');
    expect(error.message).toMatch(/^bad request/);
    expect(child.exitCode).toBeNull();
  });

  it('answers a message that is not a wire frame with an error event, and keeps running', async () => {
    const before = log.events.length;
    child.send({ type: 'engine.describe', requestId: 'plain' });
    const error = await log.next((event): event is Extract<EngineEvent, { type: 'error' }> => isError(event) && !event.runId && !event.requestId);
    expect(error.message).toBe('bad request: the engine takes only wire frames');
    expect(log.events.slice(before).some((event) => event.type === 'engine.catalog')).toBe(false);
    expect(hostAnswers).toEqual([]);
    send({ type: 'engine.ping', requestId: 'after-plain' });
    await expect.poll(() => log.events.some((event) => event.type === 'engine.pong' && event.requestId === 'after-plain'), { timeout: 20_000 }).toBe(true);
    expect(child.exitCode).toBeNull();
  });
});
