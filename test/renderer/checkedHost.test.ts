// The renderer checks each engine event once on arrival, whichever host delivered it, and names the field of a bad one.
import { describe, expect, it } from 'vitest';
import type { LabHost } from '../../contract/labHost.js';
import type { EngineEvent } from '../../engine/protocol/index.js';
import { checkedHost } from '../../renderer/host/checkedHost.js';

function rawHost() {
  const listeners = new Set<(event: EngineEvent) => void>();
  const host: LabHost = {
    kind: 'electron',
    send: () => {},
    onEvent: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    onStatus: () => () => {},
    saveFile: async () => ({ state: 'cancelled' }),
  };
  return {
    host,
    listeners,
    deliver: (event: unknown) => {
      for (const listener of listeners) listener(event as EngineEvent);
    },
  };
}

describe('checkedHost', () => {
  it('passes a valid event to every listener while listening to the host once', () => {
    const raw = rawHost();
    const host = checkedHost(raw.host);
    const seen: EngineEvent[][] = [[], []];
    const stops = seen.map((events) => host.onEvent((event) => events.push(event)));
    expect(raw.listeners.size).toBe(1);
    const event: EngineEvent = { type: 'train.state', runId: 'r', state: 'paused' };
    raw.deliver(event);
    expect(seen).toEqual([[event], [event]]);
    stops.forEach((stop) => stop());
    expect(raw.listeners.size).toBe(0);
  });

  it('turns an event that does not fit the protocol into an error that names its field', () => {
    const raw = rawHost();
    const host = checkedHost(raw.host);
    const seen: EngineEvent[] = [];
    host.onEvent((event) => seen.push(event));
    raw.deliver({ type: 'train.epoch', runId: 'r', metrics: { epoch: 0, trainLoss: 1, trainAccuracy: 0.5, testLoss: 1, testAccuracy: 0.5 } });
    expect(seen).toEqual([{ type: 'error', message: 'a bad event from the engine: metrics.epoch: Too small: expected number to be >0' }]);
  });
});
