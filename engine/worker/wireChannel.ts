// The engine's end of the wire (engine process, pure): frames in, requests out; events in, encoded messages out. An event
// over the size limit, or one that cannot be encoded, goes in its place as an error with the event's run or request id.
import { idsNearStart, idsOf, withinEventLimit } from '../../contract/messageLimits.js';
import { decodeWire, encodeWire, wireHead } from '../../contract/wire.js';
import type { FrameAssembler } from '../../contract/wireFrames.js';
import type { EngineEvent } from '../protocol/index.js';

export interface WireChannel {
  /** Encodes an event for the page (in the browser host's envelope) and hands it to `send`. */
  emit(event: EngineEvent): void;
  /** Takes one frame from the host; a finished request goes to `deliver`, a broken one is answered with an error event. */
  receive(frame: unknown, deliver: (request: unknown) => void): void;
}

/** The key that keeps one run's or one request's messages in order on the wire. */
const keyOf = (event: EngineEvent): string | undefined => {
  const { requestId, runId } = idsOf(event);
  return requestId !== undefined ? `ask:${requestId}` : runId !== undefined ? `run:${runId}` : undefined;
};

/** The engine's wire end: `send` takes each encoded message (and its ordering key), `assembler` rebuilds the requests. */
export function wireChannel(send: (message: Uint8Array, key?: string) => void, assembler: FrameAssembler): WireChannel {
  const emit = (event: EngineEvent): void => {
    const bounded = withinEventLimit(event);
    let message: Uint8Array;
    try {
      message = encodeWire({ kind: 'event', event: bounded });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      message = encodeWire({ kind: 'event', event: { type: 'error', ...idsOf(event), message: `the engine's ${event.type} answer cannot travel: ${reason}` } });
    }
    send(message, keyOf(bounded));
  };
  return {
    emit,
    receive(frame, deliver) {
      if (!(frame instanceof Uint8Array)) return emit({ type: 'error', message: 'bad request: the engine takes only wire frames' });
      const assembled = assembler.push(frame);
      if (assembled === undefined) return;
      if ('problem' in assembled) return emit({ type: 'error', message: `bad request: ${assembled.problem}` });
      let request: unknown;
      try {
        request = decodeWire(assembled.message);
      } catch (error) {
        const ids = idsNearStart(wireHead(assembled.message));
        const reason = error instanceof Error ? error.message : String(error);
        return emit({ type: 'error', ...ids, message: error instanceof SyntaxError ? `bad request: not valid JSON (${reason})` : `bad request: ${reason}` });
      }
      deliver(request);
    },
  };
}
