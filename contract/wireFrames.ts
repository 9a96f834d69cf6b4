// Wire messages cut into frames of at most WIRE_FRAME_BYTES and put back together (engine, browser host and renderer):
// a large result travels as many small WebSocket frames and IPC messages, with other messages' frames in between.
import { WIRE_FRAME_BYTES } from '../engine/limits.js';

/** The stream of a host's own messages (statuses, its errors): each fits one frame, which a page reads on its own, whatever the engine's streams. */
export const HOST_STREAM = 0;

/** Each frame opens with four little-endian u32s: the stream (one message), the payload's offset in it, its total bytes, a marker. */
export const FRAME_HEADER_BYTES = 16;
const FRAME_MARKER = 0x31464c42; // "BLF1"

export interface FrameHeader {
  /** Which message the frame belongs to; the sender numbers its messages. */
  stream: number;
  /** Where its payload starts in the message. */
  offset: number;
  /** The whole message's size in bytes. */
  total: number;
  /** The frame's part of the message. */
  payload: Uint8Array;
}

/** The frame's header, or undefined for bytes that are not a frame. */
export function readFrameHeader(frame: Uint8Array): FrameHeader | undefined {
  if (frame.length < FRAME_HEADER_BYTES) return undefined;
  const view = new DataView(frame.buffer, frame.byteOffset, FRAME_HEADER_BYTES);
  if (view.getUint32(12, true) !== FRAME_MARKER) return undefined;
  const stream = view.getUint32(0, true);
  const offset = view.getUint32(4, true);
  const total = view.getUint32(8, true);
  const payload = frame.subarray(FRAME_HEADER_BYTES);
  if (offset + payload.length > total) return undefined;
  return { stream, offset, total, payload };
}

/** One frame: the part of `message` from `offset`, at most `frameBytes` of it. */
export function frameAt(message: Uint8Array, stream: number, offset: number, frameBytes = WIRE_FRAME_BYTES): Uint8Array<ArrayBuffer> {
  const end = Math.min(message.length, offset + frameBytes);
  const frame = new Uint8Array(FRAME_HEADER_BYTES + end - offset);
  const view = new DataView(frame.buffer);
  view.setUint32(0, stream, true);
  view.setUint32(4, offset, true);
  view.setUint32(8, message.length, true);
  view.setUint32(12, FRAME_MARKER, true);
  frame.set(message.subarray(offset, end), FRAME_HEADER_BYTES);
  return frame;
}

/** Every frame of `message`, in order (one for a message of at most `frameBytes`). */
export function framesOf(message: Uint8Array, stream: number, frameBytes = WIRE_FRAME_BYTES): Uint8Array<ArrayBuffer>[] {
  const frames = [frameAt(message, stream, 0, frameBytes)];
  for (let offset = frameBytes; offset < message.length; offset += frameBytes) frames.push(frameAt(message, stream, offset, frameBytes));
  return frames;
}

/**
 * What a frame completed: a whole message, a problem with the frame (its stream is dropped; `head`, the first frame's
 * payload when this was it, holds the start of the message's JSON), or nothing yet.
 */
export type AssembledFrame = { message: Uint8Array } | { problem: string; head?: Uint8Array } | undefined;

/**
 * Puts frames back into messages, several streams at once. A message that fits one frame is its payload as it is; a
 * longer one is copied into place frame by frame. Refuses a message over `maxMessageBytes` at its first frame, and
 * frames out of order; at most `maxOpen` messages may be arriving at a time.
 */
export class FrameAssembler {
  readonly #open = new Map<number, { bytes: Uint8Array; received: number }>();

  constructor(
    private readonly maxMessageBytes: number,
    private readonly maxOpen = 16,
  ) {}

  push(frame: Uint8Array): AssembledFrame {
    const header = readFrameHeader(frame);
    if (!header) return { problem: 'a frame without the wire header' };
    const { stream, offset, total, payload } = header;
    if (offset === 0) {
      if (total > this.maxMessageBytes) return { problem: `a message of ${total} bytes, over the ${this.maxMessageBytes} taken`, head: payload };
      if (payload.length === total) return { message: payload };
      if (this.#open.size >= this.maxOpen && !this.#open.has(stream)) return { problem: `more than ${this.maxOpen} messages arriving at once`, head: payload };
      const bytes = new Uint8Array(total);
      bytes.set(payload, 0);
      this.#open.set(stream, { bytes, received: payload.length });
      return undefined;
    }
    const open = this.#open.get(stream);
    if (!open || open.received !== offset || open.bytes.length !== total) {
      this.#open.delete(stream);
      return { problem: `a frame at byte ${offset} of message ${stream}, which was not expecting it` };
    }
    open.bytes.set(payload, offset);
    open.received += payload.length;
    if (open.received < total) return undefined;
    this.#open.delete(stream);
    return { message: open.bytes };
  }

  /** Forgets every message still arriving (their sender is gone). */
  clear(): void {
    this.#open.clear();
  }
}

/**
 * Sends messages frame by frame over a channel with one write in flight at a time (`write` calls `written` when the
 * channel took the frame), taking turns between messages so a small answer never waits behind a large one. Messages
 * with the same key (a run, a request) keep their order.
 */
export class FrameQueue {
  readonly #queue: { message: Uint8Array; stream: number; key: string | undefined; offset: number }[] = [];
  #streams = 0;
  #writing = false;
  #pumping = false;
  #turn = 0;
  #closed = false;

  constructor(
    private readonly write: (frame: Uint8Array, written: (error?: unknown) => void) => void,
    private readonly frameBytes = WIRE_FRAME_BYTES,
  ) {}

  /** Queues a message; `key` keeps the messages that share it in order. */
  send(message: Uint8Array, key?: string): void {
    if (this.#closed) return;
    this.#streams = (this.#streams % 0xffffffff) + 1;
    this.#queue.push({ message, stream: this.#streams, key, offset: 0 });
    this.#pump();
  }

  /** Drops what is still queued, and sends nothing more. */
  close(): void {
    this.#closed = true;
    this.#queue.length = 0;
  }

  #pump(): void {
    if (this.#pumping) return;
    this.#pumping = true;
    while (!this.#writing && !this.#closed && this.#queue.length > 0) {
      const index = this.#nextIndex();
      const entry = this.#queue[index]!;
      const frame = frameAt(entry.message, entry.stream, entry.offset, this.frameBytes);
      entry.offset += this.frameBytes;
      const done = entry.offset >= entry.message.length;
      if (done) this.#queue.splice(index, 1);
      this.#turn = done ? index : index + 1;
      this.#writing = true;
      let returned = false;
      this.write(frame, (error) => {
        this.#writing = false;
        if (error) this.close();
        else if (returned) this.#pump();
      });
      returned = true;
    }
    this.#pumping = false;
  }

  /** The next message after the last one served whose key no earlier queued message holds. */
  #nextIndex(): number {
    const count = this.#queue.length;
    for (let step = 0; step < count; step++) {
      const index = (this.#turn + step) % count;
      const key = this.#queue[index]!.key;
      if (key === undefined || !this.#queue.slice(0, index).some((earlier) => earlier.key === key)) return index;
    }
    return 0;
  }
}
