// Test helper (Node, Playwright runner): what the page's WebSocket frames carry, read with the wire's own header and head readers.
import { wireHead } from '../../contract/wire.js';
import { readFrameHeader } from '../../contract/wireFrames.js';

const bytesOf = (payload: string | Buffer): Uint8Array => (typeof payload === 'string' ? Buffer.from(payload) : new Uint8Array(payload));

/** The size of the message a frame starts, or undefined for a frame that continues a message. */
export function messageSizeOf(payload: string | Buffer): number | undefined {
  const header = readFrameHeader(bytesOf(payload));
  return header && header.offset === 0 ? header.total : undefined;
}

/** The JSON text of the message a frame starts, as far as that frame holds it; undefined for a frame that continues a message. */
export function messageTextOf(payload: string | Buffer): string | undefined {
  const header = readFrameHeader(bytesOf(payload));
  return header && header.offset === 0 ? wireHead(header.payload, Number.MAX_SAFE_INTEGER) : undefined;
}
