// Test support (plain Node): the renderer's engine requests connected to a real engine in this process, through a browser-kind host.
import type { LabHost } from '../../../contract/labHost.js';
import type { EngineEvent } from '../../../engine/protocol/index.js';
import { createInProcessEngine } from '../../../engine/worker/inProcessEntry.js';
import { EngineRequests } from '../../../renderer/host/engineRequests.js';

/** Engine requests answered by an in-process engine; `dispose` disconnects them and ends the engine. */
export function inProcessRequests(): { requests: EngineRequests; dispose: () => void } {
  const listeners = new Set<(event: EngineEvent) => void>();
  const engine = createInProcessEngine((event) => {
    for (const listener of listeners) listener(event);
  });
  const host: LabHost = {
    kind: 'browser',
    send: (request) => engine.receive(request),
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onStatus: () => () => undefined,
    saveFile: async () => ({ state: 'cancelled' }),
  };
  const requests = new EngineRequests(host);
  const stop = requests.connect();
  return {
    requests,
    dispose: () => {
      stop();
      engine.dispose();
    },
  };
}
