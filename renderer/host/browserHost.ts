// Renderer: the browser host's side of the LabHost — a WebSocket to the loopback server, which bridges it to an engine process.
// Messages travel in the wire's binary frames (contract/wireFrames.ts): typed arrays as raw bytes, large results in pieces.
import type { EngineStatus, LabHost } from '../../contract/labHost.js';
import type { EngineEvent, EngineRequest } from '../../engine/protocol/index.js';
import { idsNearStart } from '../../contract/messageLimits.js';
import { decodeWire, encodeWire, wireHead } from '../../contract/wire.js';
import { FrameAssembler, framesOf } from '../../contract/wireFrames.js';
import { MAX_EVENT_BYTES } from '../../engine/limits.js';
import { downloadFile } from './downloadFile.js';

/** Waits before reconnecting grow 250 ms, 500 ms, 1 s, … up to 5 s. */
function reconnectDelayMs(attempt: number): number {
  return Math.min(5000, 250 * 2 ** attempt);
}

/** ws: for http:, wss: for https:, same host, port and path. */
export function toWebSocketUrl(url: URL): string {
  const socketUrl = new URL(url.href);
  socketUrl.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  socketUrl.hash = '';
  return socketUrl.href;
}

/**
 * Connects to the browser host's engine endpoint (an http(s) URL, usually `<page>/engine`).
 * Requests sent before the socket opens, or while it reconnects, wait in order and go out once it is open.
 * A dropped connection is reported as a crashed engine, and `ready` follows when the server has a fresh one.
 * Files to save go to the browser's downloads.
 */
export function createBrowserHost(url: URL): LabHost {
  const address = toWebSocketUrl(url);
  const eventListeners = new Set<(event: EngineEvent) => void>();
  const statusListeners = new Set<(status: EngineStatus) => void>();
  const waiting: Uint8Array<ArrayBuffer>[] = [];
  const connection = { socket: undefined as WebSocket | undefined, attempt: 0, reportedLoss: false, streams: 0 };
  // The envelope around the largest event takes a few bytes more than the event.
  const assembler = new FrameAssembler(MAX_EVENT_BYTES + 4096);

  const emitEvent = (event: EngineEvent): void => eventListeners.forEach((listener) => listener(event));
  const emitStatus = (status: EngineStatus): void => statusListeners.forEach((listener) => listener(status));

  /** An error for a message that cannot be read, with the run or request it names near its start, so that run does not stay "running". */
  const unreadable = (reason: string, head?: Uint8Array): void =>
    emitEvent({ type: 'error', ...(head ? idsNearStart(wireHead(head)) : {}), message: `a message from the lab's server could not be read: ${reason}` });

  function receive(frame: Uint8Array): void {
    const assembled = assembler.push(frame);
    if (assembled === undefined) return;
    if ('problem' in assembled) return unreadable(assembled.problem, assembled.head);
    let envelope: unknown;
    try {
      // Typed arrays look into the message's bytes: a large result is copied once, frame by frame, as it arrives.
      envelope = decodeWire(assembled.message, { views: true });
    } catch (error) {
      return unreadable((error as Error).message, assembled.message);
    }
    const { kind, event, status } = (envelope ?? {}) as { kind?: unknown; event?: unknown; status?: unknown };
    if (kind === 'status' && isEngineStatus(status)) {
      if (status.state === 'ready') connection.reportedLoss = false;
      if (status.state === 'crashed') assembler.clear();
      emitStatus(status);
    } else if (kind === 'event') {
      // Checked once, by checkedHost, like the events of every host.
      emitEvent(event as EngineEvent);
    } else {
      emitEvent({ type: 'error', message: "a message from the lab's server had an unknown form" });
    }
  }

  function connect(): void {
    const socket = new WebSocket(address);
    socket.binaryType = 'arraybuffer';
    connection.socket = socket;
    socket.onopen = () => {
      connection.attempt = 0;
      while (waiting.length > 0 && socket.readyState === WebSocket.OPEN) socket.send(waiting.shift()!);
    };
    socket.onmessage = (message: MessageEvent) => {
      if (message.data instanceof ArrayBuffer) receive(new Uint8Array(message.data));
      else unreadable('a text frame, where the lab sends binary ones');
    };
    socket.onclose = () => {
      connection.socket = undefined;
      assembler.clear();
      if (!connection.reportedLoss) {
        connection.reportedLoss = true;
        emitStatus({ state: 'crashed', message: "Lost the connection to the lab's engine; any run in progress has failed. Reconnecting…" });
      }
      setTimeout(connect, reconnectDelayMs(connection.attempt++));
    };
  }

  connect();
  return {
    kind: 'browser',
    send(request: EngineRequest): void {
      connection.streams = (connection.streams % 0xffffffff) + 1;
      const frames = framesOf(encodeWire(request), connection.streams);
      const socket = connection.socket;
      if (socket?.readyState === WebSocket.OPEN) frames.forEach((frame) => socket.send(frame));
      else waiting.push(...frames);
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    saveFile: (file) => Promise.resolve(downloadFile(file)),
  };
}

function isEngineStatus(value: unknown): value is EngineStatus {
  if (typeof value !== 'object' || value === null) return false;
  const { state, message } = value as { state?: unknown; message?: unknown };
  return state === 'ready' || ((state === 'crashed' || state === 'unresponsive') && typeof message === 'string');
}
