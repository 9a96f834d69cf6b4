// Collects engine events and waits for the one a test expects.
import type { EngineEvent } from '../../../engine/protocol/index.js';

export function createEventLog() {
  const events: EngineEvent[] = [];
  const waiters: { test: (event: EngineEvent) => boolean; resolve: (event: EngineEvent) => void }[] = [];
  return {
    events,
    push(event: EngineEvent) {
      events.push(event);
      for (const waiter of [...waiters]) {
        if (waiter.test(event)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(event);
        }
      }
    },
    /** Resolves with the first event (already seen or coming) that passes `test`. */
    next<T extends EngineEvent>(test: (event: EngineEvent) => event is T): Promise<T> {
      const seen = events.find(test);
      if (seen) return Promise.resolve(seen as T);
      return new Promise((resolve) => waiters.push({ test, resolve: resolve as (event: EngineEvent) => void }));
    },
  };
}

export const isFinished =
  (runId: string) =>
  (event: EngineEvent): event is Extract<EngineEvent, { type: 'train.finished' }> =>
    event.type === 'train.finished' && event.runId === runId;
export const isError = (event: EngineEvent): event is Extract<EngineEvent, { type: 'error' }> => event.type === 'error';
