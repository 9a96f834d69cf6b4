// Sends one request to an in-process engine and resolves with its answer (Node, the CLI process).
import type { EngineBudget } from '../engine/budget/engineBudget.js';
import type { EngineEvent, EngineRequest } from '../engine/protocol/index.js';
import { createInProcessEngine } from '../engine/worker/inProcessEntry.js';

/** The first event that answers `request`, costed against `budget` (an error event rejects with its message, field and code). */
export function askEngine(request: Exclude<EngineRequest, { runId: string }>, budget?: EngineBudget): Promise<EngineEvent> {
  return new Promise((resolve, reject) => {
    const engine = createInProcessEngine(
      (event) => {
        if (!('requestId' in event) || event.requestId !== request.requestId) return;
        engine.dispose();
        if (event.type === 'error') reject(Object.assign(new Error(event.message), { field: event.field, column: event.column, code: event.code }));
        else resolve(event);
      },
      budget ? { budget } : {},
    );
    engine.receive(request);
  });
}
