// A hung engine (SIGSTOP) behind the browser host's bridge: reported as not answering while it owes answers, then killed and replaced like a crashed one.
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../contract/labHost.js';
import { decodeWire, encodeWire, type HostEnvelope } from '../../contract/wire.js';
import { FrameAssembler, framesOf } from '../../contract/wireFrames.js';
import type { EngineEvent } from '../../engine/protocol/index.js';
import { EXERCISE_HYPERPARAMETERS } from '../../engine/training/hyperparameters.js';
import { EngineBridge } from '../../host/engineBridge.js';
import { ensureBuilt, REPOSITORY } from '../engine/support/ensureBuilt.js';

const ENGINE = join(REPOSITORY, 'dist/engine/worker/childProcessEntry.js');
/** Short enough for a test, long enough that a loaded machine's engine still answers in time. */
const TIMING = { intervalMs: 250, notAnsweringMs: 2000, killAfterMs: 6000 };

beforeAll(() => ensureBuilt());

function bridged() {
  const envelopes: HostEnvelope[] = [];
  const waiters: { test: (envelope: HostEnvelope) => boolean; resolve: (envelope: HostEnvelope) => void }[] = [];
  const assembler = new FrameAssembler(Number.MAX_SAFE_INTEGER);
  let streams = 0;
  const bridge = new EngineBridge(
    ENGINE,
    (frame) => {
      const assembled = assembler.push(frame);
      if (!assembled || !('message' in assembled)) return;
      const envelope = decodeWire(assembled.message) as HostEnvelope;
      envelopes.push(envelope);
      for (const waiter of waiters.filter((w) => w.test(envelope))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(envelope);
      }
    },
    TIMING,
  );
  const next = (test: (envelope: HostEnvelope) => boolean, after = 0) =>
    new Promise<HostEnvelope>((resolve) => {
      const seen = envelopes.slice(after).find(test);
      if (seen) resolve(seen);
      else waiters.push({ test, resolve });
    });
  const status = (state: EngineStatus['state'], after = 0) =>
    next((e) => e.kind === 'status' && e.status.state === state, after).then((e) => (e as Extract<HostEnvelope, { kind: 'status' }>).status);
  const event = (test: (event: EngineEvent) => boolean) =>
    next((e) => e.kind === 'event' && test(e.event)).then((e) => (e as Extract<HostEnvelope, { kind: 'event' }>).event);
  const send = (message: object) => framesOf(encodeWire(message), ++streams).forEach((frame) => bridge.receiveFrame(Buffer.from(frame), true));
  return { bridge, envelopes, status, event, send };
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let open: EngineBridge | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

describe('a hung engine', () => {
  it('is reported as not answering while a run is going on, then killed and replaced, and the fresh engine trains', async () => {
    const { bridge, envelopes, status, event, send } = bridged();
    open = bridge;
    await status('ready');
    const hung = bridge.enginePid!;
    send({
      type: 'train.start',
      runId: 'long',
      spec: { input: 64, layers: [{ type: 'linear', units: 1 }, { type: 'sigmoid' }] },
      dataSet: 'digits-binary',
      hyper: { ...EXERCISE_HYPERPARAMETERS, epochs: 100000 },
    });
    await event((e) => e.type === 'train.epoch');
    process.kill(hung, 'SIGSTOP');
    const stoppedAt = envelopes.length;

    const silent = await status('unresponsive', stoppedAt);
    expect(silent).toMatchObject({
      message: expect.stringMatching(/^The engine is not answering \(nothing for \d+ s\)\. If it stays silent for 6 s it is restarted/),
    });
    const crashed = await status('crashed', stoppedAt);
    expect(crashed).toMatchObject({
      message: expect.stringMatching(/^The engine stopped answering for \d+ s and was replaced; any run in progress has failed/),
    });
    await expect.poll(() => isAlive(hung), { timeout: 5000 }).toBe(false);

    await status('ready', envelopes.indexOf(envelopes.find((e) => e.kind === 'status' && e.status.state === 'crashed')!));
    expect(bridge.enginePid).not.toBe(hung);
    send({
      type: 'train.start',
      runId: 'after',
      spec: { input: 64, layers: [{ type: 'linear', units: 1 }, { type: 'sigmoid' }] },
      dataSet: 'digits-binary',
      hyper: { ...EXERCISE_HYPERPARAMETERS, epochs: 2 },
    });
    expect(await event((e) => e.type === 'train.finished' && e.runId === 'after')).toMatchObject({ reason: 'completed' });
  });

  it('is reported and then "ready" again when it resumes within the grace, and keeps its run', async () => {
    const { bridge, envelopes, status, event, send } = bridged();
    open = bridge;
    await status('ready');
    const pid = bridge.enginePid!;
    send({
      type: 'train.start',
      runId: 'paused',
      spec: { input: 64, layers: [{ type: 'linear', units: 1 }, { type: 'sigmoid' }] },
      dataSet: 'digits-binary',
      hyper: { ...EXERCISE_HYPERPARAMETERS, epochs: 100000 },
    });
    await event((e) => e.type === 'train.epoch');
    process.kill(pid, 'SIGSTOP');
    const stoppedAt = envelopes.length;
    await status('unresponsive', stoppedAt);
    process.kill(pid, 'SIGCONT');
    await status('ready', stoppedAt);
    expect(bridge.enginePid).toBe(pid);
    send({ type: 'train.stop', runId: 'paused' });
    expect(await event((e) => e.type === 'train.finished' && e.runId === 'paused')).toMatchObject({ reason: 'stopped' });
    expect(envelopes.some((e) => e.kind === 'status' && e.status.state === 'crashed')).toBe(false);
  });

  it('says nothing while an idle engine is stopped', async () => {
    const { bridge, envelopes, status } = bridged();
    open = bridge;
    await status('ready');
    const pid = bridge.enginePid!;
    process.kill(pid, 'SIGSTOP');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    process.kill(pid, 'SIGCONT');
    expect(envelopes.filter((e) => e.kind === 'status').map((e) => e.kind === 'status' && e.status.state)).toEqual(['ready']);
  });
});
