// Stopping long requests by their requestId through the engine's protocol, and the heartbeat answered while they run.
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EngineRequest } from '../../../engine/protocol/index.js';
import { createInProcessEngine } from '../../../engine/worker/inProcessEntry.js';

/** An expression of many terms: a 1000 × 1000 grid of it takes a few seconds. */
const LONG_EXPRESSION = Array.from({ length: 24 }, (_, k) => `sin(${k + 1} * x) * cos(y + ${k})`).join(' + ');

function engineWithLog() {
  const events: EngineEvent[] = [];
  const waiters: { test: (event: EngineEvent) => boolean; resolve: (event: EngineEvent) => void }[] = [];
  const engine = createInProcessEngine((event) => {
    events.push(event);
    for (const waiter of waiters.filter((w) => w.test(event))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(event);
    }
  });
  const next = (test: (event: EngineEvent) => boolean) =>
    new Promise<EngineEvent>((resolve) => {
      const seen = events.find(test);
      if (seen) resolve(seen);
      else waiters.push({ test, resolve });
    });
  const answerTo = (requestId: string) => next((event) => 'requestId' in event && event.requestId === requestId);
  return { engine, events, answerTo, send: (request: EngineRequest) => engine.receive(request) };
}

describe('work.stop', () => {
  it('stops a surface grid in progress, answering its requestId with code "stopped", and the heartbeat is answered meanwhile', async () => {
    const { engine, events, answerTo, send } = engineWithLog();
    send({ type: 'surface.evaluate', requestId: 'grid', surface: LONG_EXPRESSION, nx: 1000, ny: 1000 });
    send({ type: 'engine.ping', requestId: 'beat' });
    const pong = await answerTo('beat');
    expect(pong).toMatchObject({ type: 'engine.pong', busy: 1 });
    send({ type: 'work.stop', requestId: 'grid' });
    expect(await answerTo('grid')).toMatchObject({ type: 'error', requestId: 'grid', code: 'stopped' });
    expect(events.findIndex((e) => e.type === 'engine.pong')).toBeLessThan(events.findIndex((e) => e.type === 'error'));
    send({ type: 'engine.ping', requestId: 'after' });
    expect(await answerTo('after')).toMatchObject({ type: 'engine.pong', busy: 0 });
    engine.dispose();
  });

  it('stops a long descent and leaves other requests running', async () => {
    const { engine, answerTo, send } = engineWithLog();
    send({ type: 'surface.descend', requestId: 'long', surface: LONG_EXPRESSION, start: { x: 1, y: 1 }, learningRate: 1e-4, steps: 100000 });
    send({ type: 'surface.evaluate', requestId: 'small', surface: 'exercise', nx: 20, ny: 20 });
    expect(await answerTo('small')).toMatchObject({ type: 'surface.grid' });
    send({ type: 'work.stop', requestId: 'long' });
    expect(await answerTo('long')).toMatchObject({ type: 'error', code: 'stopped' });
    engine.dispose();
  });

  it('stops a gradient check of a large layer partway', async () => {
    const { engine, answerTo, send } = engineWithLog();
    send({ type: 'gradcheck.run', requestId: 'check', seed: 1, subject: { kind: 'layer', layer: { type: 'linear', units: 100 }, inputs: 100, rows: 16 } });
    send({ type: 'engine.ping', requestId: 'beat' });
    expect(await answerTo('beat')).toMatchObject({ type: 'engine.pong', busy: 1 });
    send({ type: 'work.stop', requestId: 'check' });
    expect(await answerTo('check')).toMatchObject({ type: 'error', code: 'stopped' });
    engine.dispose();
  });

  it('ignores a stop for a request that is not in progress', async () => {
    const { engine, events, answerTo, send } = engineWithLog();
    send({ type: 'work.stop', requestId: 'nothing' });
    send({ type: 'surface.evaluate', requestId: 'grid', surface: 'exercise', nx: 10, ny: 10 });
    expect(await answerTo('grid')).toMatchObject({ type: 'surface.grid' });
    expect(events.filter((e) => e.type === 'error')).toEqual([]);
    engine.dispose();
  });
});
