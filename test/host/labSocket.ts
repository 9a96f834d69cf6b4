// Test helper (Node): a WebSocket to the browser host's engine endpoint that speaks the wire's frames, decodes envelopes and waits for the ones a test expects.
import WebSocket from 'ws';
import type { EngineRequest } from '../../engine/protocol/index.js';
import { decodeWire, encodeWire, wireOfJsonText, type HostEnvelope } from '../../contract/wire.js';
import { FrameAssembler, framesOf } from '../../contract/wireFrames.js';

export interface LabSocket {
  /** Every envelope received so far, in order. */
  readonly received: HostEnvelope[];
  /** How many frames have arrived so far (a large message is many). */
  readonly frameCount: number;
  /** Resolves with the first envelope (received before or after the call, not yet taken) that matches. */
  next(matches: (envelope: HostEnvelope) => boolean): Promise<HostEnvelope>;
  send(request: EngineRequest | unknown): void;
  /** Sends a message whose JSON is `text` as it is (in binary frames, as the page sends every message). */
  sendRaw(text: string): void;
  /** Sends one WebSocket frame as it is. */
  sendFrame(data: Uint8Array | string): void;
  close(): void;
}

/** Opens a socket to `ws://…/engine` with the given Origin header; rejects if the server refuses the upgrade. */
export function openLabSocket(pageUrl: string, origin: string | undefined): Promise<LabSocket> {
  const address = new URL('engine', pageUrl.replace(/^http/, 'ws')).href;
  const socket = new WebSocket(address, origin === undefined ? {} : { origin });
  const received: HostEnvelope[] = [];
  const taken = new Set<number>();
  const waiters: { matches: (envelope: HostEnvelope) => boolean; resolve: (envelope: HostEnvelope) => void }[] = [];

  const offer = (index: number): void => {
    const waiter = waiters.find((w) => w.matches(received[index]!));
    if (!waiter) return;
    taken.add(index);
    waiters.splice(waiters.indexOf(waiter), 1);
    waiter.resolve(received[index]!);
  };
  const assembler = new FrameAssembler(Number.MAX_SAFE_INTEGER);
  let streams = 0;
  const sendMessage = (bytes: Uint8Array): void => framesOf(bytes, ++streams).forEach((frame) => socket.send(frame));
  let frameCount = 0;
  socket.on('message', (data: Buffer) => {
    frameCount++;
    const assembled = assembler.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    if (assembled === undefined) return;
    if ('problem' in assembled) throw new Error(assembled.problem);
    received.push(decodeWire(assembled.message) as HostEnvelope);
    offer(received.length - 1);
  });

  const labSocket: LabSocket = {
    received,
    get frameCount() {
      return frameCount;
    },
    next: (matches) =>
      new Promise((resolve) => {
        const index = received.findIndex((envelope, i) => !taken.has(i) && matches(envelope));
        if (index >= 0) {
          taken.add(index);
          resolve(received[index]!);
        } else waiters.push({ matches, resolve });
      }),
    send: (request) => sendMessage(encodeWire(request)),
    sendRaw: (text) => sendMessage(wireOfJsonText(text)),
    sendFrame: (data) => socket.send(data),
    close: () => socket.close(),
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(labSocket));
    socket.once('unexpected-response', (request, response) => {
      reject(new Error(`upgrade refused with HTTP ${response.statusCode}`));
      request.destroy();
    });
    socket.once('error', reject);
  });
}

/** Matches a status envelope of the given state. */
export const isStatus =
  (state: 'ready' | 'crashed') =>
  (envelope: HostEnvelope): boolean =>
    envelope.kind === 'status' && envelope.status.state === state;

/** Matches an event envelope of the given type (and run, if given). */
export const isEvent =
  (type: string, runId?: string) =>
  (envelope: HostEnvelope): boolean =>
    envelope.kind === 'event' && envelope.event.type === type && (runId === undefined || ('runId' in envelope.event && envelope.event.runId === runId));
