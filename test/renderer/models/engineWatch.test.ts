// What the user is told about the engine: "not answering" from the host's status, and a request past its deadline with Stop and Wait (plain Node, the real engine in-process).
import { describe, expect, it } from 'vitest';
import type { EngineStatus, LabHost } from '../../../contract/labHost.js';
import type { EngineEvent } from '../../../engine/protocol/index.js';
import { createInProcessEngine } from '../../../engine/worker/inProcessEntry.js';
import { EngineRequests, isStopped } from '../../../renderer/host/engineRequests.js';
import { EngineWatch, REQUEST_DEADLINE_MS } from '../../../renderer/models/engineWatch.svelte.js';

function watched() {
  const events = new Set<(event: EngineEvent) => void>();
  const statuses = new Set<(status: EngineStatus) => void>();
  const engine = createInProcessEngine((event) => events.forEach((listener) => listener(event)));
  const host: LabHost = {
    kind: 'browser',
    send: (request) => engine.receive(request),
    onEvent: (listener) => (events.add(listener), () => events.delete(listener)),
    onStatus: (listener) => (statuses.add(listener), () => statuses.delete(listener)),
    saveFile: async () => ({ state: 'cancelled' }),
  };
  const requests = new EngineRequests(host);
  const offRequests = requests.connect();
  const watch = new EngineWatch(host, requests);
  const offWatch = watch.connect();
  const status = (value: EngineStatus) => statuses.forEach((listener) => listener(value));
  return {
    requests,
    watch,
    status,
    dispose: () => {
      offWatch();
      offRequests();
      engine.dispose();
    },
  };
}

const LONG = Array.from({ length: 24 }, (_, k) => `sin(${k + 1} * x) * cos(y + ${k})`).join(' + ');

describe('EngineWatch', () => {
  it('shows the host\'s "not answering" message until the engine is ready again', () => {
    const { watch, status, dispose } = watched();
    status({ state: 'unresponsive', message: 'The engine is not answering (nothing for 4 s).' });
    expect(watch.notAnswering).toBe('The engine is not answering (nothing for 4 s).');
    status({ state: 'ready' });
    expect(watch.notAnswering).toBeUndefined();
    dispose();
  });

  it('reports a request past its deadline by name, hides it while the user waits, and stops it on Stop', async () => {
    const { requests, watch, dispose } = watched();
    const grid = requests.ask({ type: 'surface.evaluate', surface: LONG, nx: 1000, ny: 1000 }, 'surface.grid').catch((error: unknown) => error);
    const since = requests.pendingWork[0]!.since;
    watch.check(since + 1000);
    expect(watch.overdue).toEqual([]);
    watch.check(since + REQUEST_DEADLINE_MS + 2000);
    expect(watch.overdue).toEqual([{ requestId: expect.any(String), requestIds: [expect.any(String)], name: 'the surface grid', seconds: 12 }]);
    const [work] = watch.overdue;
    watch.wait(work!.requestId, since + REQUEST_DEADLINE_MS + 2000);
    watch.check(since + REQUEST_DEADLINE_MS + 5000);
    expect(watch.overdue).toEqual([]);
    watch.check(since + 3 * REQUEST_DEADLINE_MS);
    expect(watch.overdue.map((w) => w.name)).toEqual(['the surface grid']);
    watch.stop(work!.requestId);
    expect(isStopped(await grid)).toBe(true);
    watch.check(since + 4 * REQUEST_DEADLINE_MS);
    expect(watch.overdue).toEqual([]);
    dispose();
  });

  it('shows requests of one kind queued behind each other as one line, which Stop stops together', async () => {
    const { requests, watch, dispose } = watched();
    const grids = [0, 1, 2].map((k) =>
      requests.ask({ type: 'surface.evaluate', surface: `${LONG} + ${k}`, nx: 1000, ny: 1000 }, 'surface.grid').catch((error: unknown) => error),
    );
    const since = Math.min(...requests.pendingWork.map((work) => work.since));
    watch.check(since + REQUEST_DEADLINE_MS + 3000);
    expect(watch.overdue).toHaveLength(1);
    expect(watch.overdue[0]).toMatchObject({ name: 'the surface grid', seconds: 13 });
    expect(watch.overdue[0]!.requestIds).toHaveLength(3);
    watch.stop(watch.overdue[0]!.requestId);
    for (const grid of grids) expect(isStopped(await grid)).toBe(true);
    dispose();
  });
});
