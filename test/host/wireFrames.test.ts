// The wire's frames: a message cut into pieces and put back together, several at once, and sent taking turns.
import { describe, expect, it } from 'vitest';
import { FRAME_HEADER_BYTES, FrameAssembler, FrameQueue, framesOf, readFrameHeader } from '../../contract/wireFrames.js';

const bytesOf = (length: number, seed: number): Uint8Array => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 255);

describe('wire frames', () => {
  it('cut a message into frames of at most the given size, each naming its stream, offset and total', () => {
    const message = bytesOf(2500, 1);
    const frames = framesOf(message, 7, 1000);
    expect(frames.map((frame) => frame.length - FRAME_HEADER_BYTES)).toEqual([1000, 1000, 500]);
    expect(frames.map((frame) => readFrameHeader(frame)!.offset)).toEqual([0, 1000, 2000]);
    expect(new Set(frames.map((frame) => readFrameHeader(frame)!.stream))).toEqual(new Set([7]));
    expect(readFrameHeader(frames[0]!)!.total).toBe(2500);
    expect(readFrameHeader(new Uint8Array(FRAME_HEADER_BYTES))).toBeUndefined();
  });

  it('put interleaved messages back together, and give a one-frame message as its payload', () => {
    const a = bytesOf(2500, 1);
    const b = bytesOf(1800, 2);
    const [a0, a1, a2] = framesOf(a, 1, 1000);
    const [b0, b1] = framesOf(b, 2, 1000);
    const small = framesOf(bytesOf(10, 3), 1, 1000);
    const assembler = new FrameAssembler(10_000);
    const results = [a0, b0, small[0], a1, b1, a2].map((frame) => assembler.push(frame!));
    expect(results[0]).toBeUndefined();
    expect(results[2]).toEqual({ message: bytesOf(10, 3) });
    expect(results[4]).toEqual({ message: b });
    expect(results[5]).toEqual({ message: a });
  });

  it('refuse a message over the limit at its first frame, and frames out of order', () => {
    const assembler = new FrameAssembler(2000);
    const frames = framesOf(bytesOf(2500, 1), 1, 1000);
    expect(assembler.push(frames[0]!)).toMatchObject({ problem: 'a message of 2500 bytes, over the 2000 taken', head: frames[0]!.subarray(16) });
    const ok = new FrameAssembler(10_000);
    ok.push(frames[0]!);
    expect(ok.push(frames[2]!)).toMatchObject({ problem: expect.stringMatching(/not expecting it/) });
    expect(ok.push(frames[1]!)).toMatchObject({ problem: expect.stringMatching(/not expecting it/) });
  });

  it('take turns between queued messages, one frame each, and keep the order of messages with the same key', () => {
    const written: { stream: number; offset: number }[] = [];
    const pending: (() => void)[] = [];
    const queue = new FrameQueue((frame, done) => {
      const header = readFrameHeader(frame)!;
      written.push({ stream: header.stream, offset: header.offset });
      pending.push(() => done());
    }, 100);
    queue.send(bytesOf(300, 1), 'run:a');
    queue.send(bytesOf(50, 2), 'ask:b');
    queue.send(bytesOf(50, 3), 'run:a');
    while (pending.length) pending.shift()!();
    expect(written).toEqual([
      { stream: 1, offset: 0 },
      { stream: 2, offset: 0 },
      { stream: 1, offset: 100 },
      { stream: 1, offset: 200 },
      { stream: 3, offset: 0 },
    ]);
  });

  it('stop sending after a write fails', () => {
    const written: number[] = [];
    const queue = new FrameQueue((frame, done) => {
      written.push(readFrameHeader(frame)!.stream);
      done(new Error('closed'));
    }, 100);
    queue.send(bytesOf(300, 1));
    queue.send(bytesOf(10, 2));
    expect(written).toEqual([1]);
  });
});
