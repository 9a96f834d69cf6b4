// The Compare lab's session (plain Node) against the real engine in this process: the engine's progress is shown a few times a second.
import { describe, expect, it } from 'vitest';
import type { LabHost } from '../../../contract/labHost.js';
import type { CompareProgress } from '../../../engine/protocol/compare.js';
import type { EngineEvent } from '../../../engine/protocol/index.js';
import { parseSpecText } from '../../../engine/specText.js';
import { EXERCISE_HYPERPARAMETERS } from '../../../engine/training/hyperparameters.js';
import { EPOCH_BURST } from '../../../engine/training/train.js';
import { createInProcessEngine } from '../../../engine/worker/inProcessEntry.js';
import { CompareSession } from '../../../renderer/compare/compareSession.svelte.js';

/** A LabHost over an in-process engine; `after` hears each event once the session has. */
function inProcessHost(after: (event: EngineEvent) => void) {
  const listeners: ((event: EngineEvent) => void)[] = [];
  const engine = createInProcessEngine((event) => {
    for (const listener of listeners) listener(event);
    after(event);
  });
  const host: LabHost = {
    kind: 'browser',
    send: (request) => engine.receive(request),
    onEvent: (listener) => {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
    onStatus: () => () => undefined,
    saveFile: async () => ({ state: 'cancelled' }),
  };
  return { host, dispose: () => engine.dispose() };
}

describe('CompareSession', () => {
  it("shows the engine's progress, sent after each of a run's first epochs, at most five times a second, and the last epoch of each run once it finishes", async () => {
    let session: CompareSession | undefined;
    let sent = 0;
    const shown = new Set<CompareProgress>();
    const runsAtFinish: (CompareProgress | null)[] = [];
    const { host, dispose } = inProcessHost((event) => {
      if (event.type === 'compare.progress') sent += 1;
      if (session?.progress) shown.add(session.progress);
      if (event.type === 'compare.run') runsAtFinish.push(session!.progress);
    });
    session = new CompareSession(host);
    const stop = session.connect();
    const sampler = setInterval(() => session!.progress && shown.add(session!.progress), 1);
    const started = performance.now();
    const networks = [
      { name: '64-1-Sigmoid', spec: parseSpecText('linear:1,sigmoid', 64) },
      { name: '64-8-1-Sigmoid', spec: parseSpecText('linear:8,relu,linear:1,sigmoid', 64) },
    ];
    session.start(networks, { ...EXERCISE_HYPERPARAMETERS, epochs: 40 }, [1, 2]);
    while (session.active) await new Promise((resolve) => setTimeout(resolve, 5));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    stop();
    dispose();

    expect(session.phase).toBe('finished');
    expect(session.runs).toHaveLength(4);
    expect(sent).toBeGreaterThan(4 * EPOCH_BURST);
    expect(shown.size).toBeLessThanOrEqual(Math.ceil(seconds * 5) + 4 + 2);
    expect(shown.size).toBeLessThan(sent / 4);
    expect(runsAtFinish.map((p) => p && [p.network, p.seed, p.epoch])).toEqual([
      [0, 1, 40],
      [1, 1, 40],
      [0, 2, 40],
      [1, 2, 40],
    ]);
  });
});
