// The renderer's browser host over a stand-in WebSocket: requests leave as wire frames, events are put back together from
// frames, and a message that cannot be read becomes an error naming the run it was about.
import { afterEach, describe, expect, it } from 'vitest';
import { decodeWire, encodeWire, wireOfJsonText } from '../../contract/wire.js';
import { FrameAssembler, framesOf } from '../../contract/wireFrames.js';
import type { EngineEvent } from '../../engine/protocol/index.js';
import { createBrowserHost } from '../../renderer/host/browserHost.js';

/** A WebSocket that opens at once, keeps what is sent, and lets the test deliver frames. */
class StandInSocket {
  static last: StandInSocket | undefined;
  static readonly OPEN = 1;
  readyState = 1;
  binaryType = 'blob';
  readonly sent: Uint8Array[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor() {
    StandInSocket.last = this;
    queueMicrotask(() => this.onopen?.());
  }
  send(frame: Uint8Array): void {
    this.sent.push(frame);
  }
  deliver(frame: Uint8Array): void {
    this.onmessage?.({ data: frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength) });
  }
}

const original = (globalThis as { WebSocket?: unknown }).WebSocket;
afterEach(() => {
  (globalThis as { WebSocket?: unknown }).WebSocket = original;
});

function open() {
  (globalThis as { WebSocket?: unknown }).WebSocket = StandInSocket;
  const host = createBrowserHost(new URL('http://127.0.0.1:1/engine'));
  const events: EngineEvent[] = [];
  host.onEvent((event) => events.push(event));
  return { host, events, socket: StandInSocket.last! };
}

describe("the renderer's browser host", () => {
  it('sends a request as binary wire frames, its typed arrays as raw bytes', async () => {
    const { host, socket } = open();
    await Promise.resolve();
    const weights = new Float64Array(300_000).map((_, i) => i / 7);
    host.send({ type: 'export.build', requestId: 'x1', format: 'weights.npz', weights } as never);
    expect(socket.binaryType).toBe('arraybuffer');
    expect(socket.sent.length).toBeGreaterThan(1);
    const assembler = new FrameAssembler(Number.MAX_SAFE_INTEGER);
    const message = socket.sent.map((frame) => assembler.push(frame)).find((result) => result && 'message' in result);
    const request = decodeWire((message as { message: Uint8Array }).message) as { weights: Float64Array };
    expect(Buffer.from(request.weights.buffer, request.weights.byteOffset, request.weights.byteLength).equals(Buffer.from(weights.buffer))).toBe(true);
  });

  it('puts an event sent in several frames back together', () => {
    const { events, socket } = open();
    const event = { type: 'train.batches', runId: 'r1', firstBatch: 1, losses: new Float64Array(400_000).fill(0.25) };
    for (const frame of framesOf(encodeWire({ kind: 'event', event }), 3)) socket.deliver(frame);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'train.batches', runId: 'r1', firstBatch: 1 });
    expect((events[0] as Extract<EngineEvent, { type: 'train.batches' }>).losses).toHaveLength(400_000);
  });

  it('answers a message it cannot read with an error naming the run found at its start, so the run does not stay running', () => {
    const { events, socket } = open();
    socket.deliver(framesOf(wireOfJsonText('{"kind":"event","event":{"type":"train.finished","runId":"r9","history":[1,'), 4)[0]!);
    expect(events).toEqual([{ type: 'error', runId: 'r9', message: expect.stringMatching(/^a message from the lab's server could not be read/) }]);
  });
});
