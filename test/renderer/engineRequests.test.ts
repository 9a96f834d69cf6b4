// The renderer's request/answer calls (plain Node) against the real engine running in this process behind a LabHost.
import { describe, expect, it } from 'vitest';
import type { EngineStatus, LabHost } from '../../contract/labHost.js';
import type { EngineEvent } from '../../engine/protocol/index.js';
import { createInProcessEngine } from '../../engine/worker/inProcessEntry.js';
import { EngineAnswerError, EngineRequests, isStopped } from '../../renderer/host/engineRequests.js';

/** A LabHost over an in-process engine, with a way to report a crash as a host would. */
function inProcessHost() {
  const eventListeners = new Set<(event: EngineEvent) => void>();
  const statusListeners = new Set<(status: EngineStatus) => void>();
  const engine = createInProcessEngine((event) => {
    for (const listener of eventListeners) listener(event);
  });
  const host: LabHost = {
    kind: 'browser',
    send: (request) => engine.receive(request),
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
  const crash = (message: string) => {
    for (const listener of statusListeners) listener({ state: 'crashed', message });
  };
  return { host, crash, dispose: () => engine.dispose() };
}

describe('EngineRequests', () => {
  it('stops a long request in the engine when its signal is aborted, rejecting with code "stopped"', async () => {
    const { host, dispose } = inProcessHost();
    const requests = new EngineRequests(host);
    const stop = requests.connect();
    const controller = new AbortController();
    const surface = Array.from({ length: 24 }, (_, k) => `sin(${k + 1} * x) * cos(y + ${k})`).join(' + ');
    const grid = requests.ask({ type: 'surface.evaluate', surface, nx: 1000, ny: 1000 }, 'surface.grid', { signal: controller.signal });
    expect(requests.pendingIds).toHaveLength(1);
    setTimeout(() => controller.abort(), 20);
    const error = await grid.catch((e: unknown) => e);
    expect(isStopped(error)).toBe(true);
    expect(requests.pendingIds).toEqual([]);
    stop();
    dispose();
  });

  it('resolves each ask with its own answer, even when several are in flight', async () => {
    const { host, dispose } = inProcessHost();
    const requests = new EngineRequests(host);
    const stop = requests.connect();
    const [grid, path] = await Promise.all([
      requests.ask({ type: 'surface.evaluate', surface: 'x*y', nx: 2, ny: 2, bounds: { xMin: 0, xMax: 1, yMin: 0, yMax: 1 } }, 'surface.grid'),
      requests.ask({ type: 'surface.descend', surface: 'exercise', start: { x: 3, y: 2 }, learningRate: 0.1, steps: 10 }, 'surface.path'),
    ]);
    expect(Array.from(grid.values)).toEqual([0, 0, 0, 1]);
    expect(path.f[10]).toBeCloseTo(1.2967615849902, 12);
    stop();
    dispose();
  });

  it('rejects with the field and column of an engine error', async () => {
    const { host, dispose } = inProcessHost();
    const requests = new EngineRequests(host);
    requests.connect();
    const error = await requests.ask({ type: 'surface.evaluate', surface: 'x +* y', nx: 2, ny: 2 }, 'surface.grid').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineAnswerError);
    expect(error).toMatchObject({ field: 'surface', column: 4, message: "unexpected '*' at column 4" });
    dispose();
  });

  it('fails every pending ask when the engine process crashes', async () => {
    const { host, crash, dispose } = inProcessHost();
    dispose(); // this engine answers nothing now, as a dead process would
    const requests = new EngineRequests(host);
    requests.connect();
    const pending = requests.ask({ type: 'engine.describe' }, 'engine.catalog');
    crash('the engine process exited');
    await expect(pending).rejects.toThrow('the engine process exited');
  });
});
