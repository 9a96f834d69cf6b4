// Renderer: a LabHost that tells every engine it talks to the memory budget of the app's Settings before its first request.
import type { LabHost } from '../../contract/labHost.js';
import type { EngineRequest } from '../../engine/protocol/index.js';

/**
 * Wraps `host`: before the first request to an engine — at start, after a crash or a reconnection (a status), and
 * after the budget changed — an engine.configure with `memoryBudget()` bytes goes out first, so every request is
 * costed against the budget the user chose. The host keeps the order of what is sent.
 */
export function createBudgetedHost(host: LabHost, memoryBudget: () => number): LabHost & { budgetChanged(): void } {
  let configured: number | undefined;
  let sequence = 0;
  host.onStatus((status) => {
    if (status.state === 'ready' || status.state === 'crashed') configured = undefined;
  });
  return {
    kind: host.kind,
    send(request: EngineRequest) {
      const bytes = memoryBudget();
      if (configured !== bytes) {
        sequence += 1;
        host.send({ type: 'engine.configure', requestId: `budget-${sequence}`, memoryBudget: bytes });
        configured = bytes;
      }
      host.send(request);
    },
    onEvent: (listener) => host.onEvent(listener),
    onStatus: (listener) => host.onStatus(listener),
    saveFile: (file) => host.saveFile(file),
    budgetChanged() {
      configured = undefined;
    },
  };
}
