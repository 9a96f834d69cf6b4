// Renderer: the one place engine events are validated on arrival, whichever host delivered them.
import type { EngineStatus, LabHost } from '../../contract/labHost.js';
import { EngineEventSchema, describeIssue, type EngineEvent } from '../../engine/protocol/index.js';

/**
 * The host with every event it delivers checked against the protocol once, before any listener sees it; an event
 * that does not fit becomes an `error` event that names the field at fault. Listeners trust what they get.
 */
export function checkedHost(host: LabHost): LabHost {
  const listeners = new Set<(event: EngineEvent) => void>();
  let stopListening: (() => void) | null = null;
  const deliver = (raw: unknown): void => {
    const parsed = EngineEventSchema.safeParse(raw);
    const event: EngineEvent = parsed.success ? parsed.data : { type: 'error', message: `a bad event from the engine: ${describeIssue(parsed.error).message}` };
    for (const listener of listeners) listener(event);
  };
  return {
    kind: host.kind,
    send: (request) => host.send(request),
    onEvent(listener) {
      listeners.add(listener);
      stopListening ??= host.onEvent(deliver);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stopListening) {
          stopListening();
          stopListening = null;
        }
      };
    },
    onStatus: (listener: (status: EngineStatus) => void) => host.onStatus(listener),
    saveFile: (file) => host.saveFile(file),
  };
}
