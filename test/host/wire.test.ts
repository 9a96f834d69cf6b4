// The wire codec: messages survive a trip through the wire's binary form exactly, typed arrays bit for bit and as raw bytes.
import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire, wireHead, wireOfJsonText, wireSize } from '../../contract/wire.js';

/** The JSON part of an encoded message. */
const jsonOf = (bytes: Uint8Array): unknown => JSON.parse(Buffer.from(bytes.subarray(8, 8 + Buffer.from(bytes).readUInt32LE(4))).toString());

/** The bytes of a Float64Array as hex, so that a comparison is bit for bit (NaN payloads and −0 included). */
function bitsOf(values: Float64Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('hex');
}

/** Doubles that JSON alone loses or rounds: extremes, subnormals, −0, infinities, NaN, and a pseudo-random spread. */
function awkwardDoubles(): Float64Array {
  const special = [
    0,
    -0,
    1,
    -1,
    0.1,
    1 / 3,
    Math.PI,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    -Number.MIN_VALUE,
    2.2250738585072014e-308,
    Number.EPSILON,
    Infinity,
    -Infinity,
    NaN,
    1e-320,
    123456789.123456789,
  ];
  const spread = Array.from({ length: 200 }, (_, i) => Math.sin(i * 12.9898) * 10 ** ((i % 40) - 20));
  return Float64Array.from([...special, ...spread]);
}

describe('wire codec', () => {
  it('round-trips a Float64Array bit for bit, including NaN, infinities, −0 and subnormals', () => {
    const weights = awkwardDoubles();
    const back = decodeWire(encodeWire({ W: weights })) as { W: unknown };
    expect(back.W).toBeInstanceOf(Float64Array);
    expect(bitsOf(back.W as Float64Array)).toBe(bitsOf(weights));
  });

  it('writes a Float64Array as its little-endian bytes after the JSON, at a multiple of 8, and names it by offset and length', () => {
    const bytes = encodeWire(new Float64Array([1, -2]));
    expect(jsonOf(bytes)).toEqual({ $f64: [0, 2] });
    const start = Math.ceil((8 + Buffer.from(bytes).readUInt32LE(4)) / 8) * 8;
    expect(Buffer.from(bytes).readDoubleLE(start)).toBe(1);
    expect(Buffer.from(bytes).readDoubleLE(start + 8)).toBe(-2);
    expect(bytes.length).toBe(start + 16);
  });

  it('round-trips arrays of every length around the 8-byte alignment, several in one message', () => {
    const message = Array.from({ length: 9 }, (_, length) => Uint8Array.from({ length }, (_, i) => (i * 97 + 13) & 255));
    const back = decodeWire(encodeWire(message)) as Uint8Array[];
    for (let length = 0; length <= 8; length++) {
      expect(back[length]).toBeInstanceOf(Uint8Array);
      expect(Array.from(back[length]!)).toEqual(Array.from(message[length]!));
    }
    const withDoubles = decodeWire(encodeWire({ a: Uint8Array.of(1, 2, 3), b: Float64Array.of(Math.PI) }), { views: true }) as { b: Float64Array };
    expect(withDoubles.b[0]).toBe(Math.PI);
  });

  it('gives arrays that look into the bytes in place when asked for views, and copies of their own otherwise', () => {
    const bytes = encodeWire({ w: Float64Array.of(1, 2, 3) });
    const viewed = decodeWire(bytes, { views: true }) as { w: Float64Array };
    expect(viewed.w.buffer).toBe(bytes.buffer);
    const copied = decodeWire(bytes) as { w: Float64Array };
    expect(copied.w.buffer).not.toBe(bytes.buffer);
    expect(Array.from(copied.w)).toEqual([1, 2, 3]);
  });

  it("sends a long list of records of numbers (a run's history) as float64 columns and gives the same records back", () => {
    const history = Array.from({ length: 40 }, (_, i) => ({
      epoch: i + 1,
      trainLoss: 1 / (i + 1),
      trainAccuracy: i === 3 ? NaN : 0.5,
      testLoss: -0,
      testAccuracy: 1e-320,
    }));
    const bytes = encodeWire({ history, short: history.slice(0, 3) });
    const json = jsonOf(bytes) as { history: { $rows: { keys: string[]; count: number } }; short: unknown[] };
    expect(json.history.$rows).toMatchObject({ keys: ['epoch', 'trainLoss', 'trainAccuracy', 'testLoss', 'testAccuracy'], count: 40 });
    expect(json.short).toHaveLength(3);
    const back = decodeWire(bytes) as { history: typeof history };
    expect(back.history).toEqual(history);
    expect(Object.is(back.history[0]!.testLoss, -0)).toBe(true);
    const mixed = [...history.slice(0, 20), { epoch: 'x' }];
    expect((jsonOf(encodeWire(mixed)) as unknown[]).length).toBe(21);
  });

  it('keeps the other typed arrays as their own types', () => {
    const message = { f32: Float32Array.of(0.1, -3.5), i32: Int32Array.of(-7, 2 ** 31 - 1), u32: Uint32Array.of(2 ** 32 - 1) };
    const back = decodeWire(encodeWire(message)) as typeof message;
    expect(back.f32).toBeInstanceOf(Float32Array);
    expect(Array.from(back.f32)).toEqual(Array.from(message.f32));
    expect(Array.from(back.i32)).toEqual([-7, 2 ** 31 - 1]);
    expect(Array.from(back.u32)).toEqual([2 ** 32 - 1]);
  });

  it('keeps plain numbers that JSON cannot hold: NaN, infinities and −0', () => {
    const back = decodeWire(encodeWire({ loss: NaN, high: Infinity, low: -Infinity, zero: -0, list: [1.5, NaN] })) as Record<string, unknown>;
    expect(back.loss).toBeNaN();
    expect(back.high).toBe(Infinity);
    expect(back.low).toBe(-Infinity);
    expect(Object.is(back.zero, -0)).toBe(true);
    expect(back.list).toEqual([1.5, NaN]);
  });

  it('round-trips a finished-run event envelope with its weights exactly', () => {
    const envelope = {
      kind: 'event',
      event: {
        type: 'train.finished',
        runId: 'run-1',
        reason: 'completed',
        message: 'done',
        history: [{ epoch: 1, trainLoss: 0.6931471805599453, trainAccuracy: 0.5, testLoss: 0.7, testAccuracy: 0.49 }],
        weights: {
          spec: { input: 2, layers: [{ type: 'linear', units: 1 }] },
          parameters: [
            { layer: 0, name: 'W', shape: [2, 1], values: Float64Array.of(0.1, -0.2) },
            { layer: 0, name: 'b', shape: [1], values: Float64Array.of(0) },
          ],
        },
      },
    };
    const back = decodeWire(encodeWire(envelope)) as typeof envelope;
    expect(back).toEqual(envelope);
    expect(back.event.weights.parameters[0]!.values).toBeInstanceOf(Float64Array);
  });

  it('refuses to encode an object that looks like one of its own tags, rather than decode it as something else', () => {
    expect(() => encodeWire({ nested: { $f64: 'AAAA' } })).toThrow(/reserved/);
  });

  it('refuses values it cannot carry exactly', () => {
    expect(() => encodeWire({ m: new Map() })).toThrow(/Map/);
    expect(() => encodeWire(new BigInt64Array(1))).toThrow(/BigInt64Array/);
  });

  it('throws on bytes that are not a message, broken JSON, or an array reaching past the end', () => {
    expect(() => decodeWire(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(/not a Backprop Lab message/);
    expect(() => decodeWire(wireOfJsonText('{nope'))).toThrow(SyntaxError);
    expect(() => decodeWire(wireOfJsonText('{"$f64":[0,1]}'))).toThrow(/past the message's end/);
    expect(() => decodeWire(wireOfJsonText('{"$f64":"AAAA"}'))).toThrow(/offset, length/);
    expect(() => decodeWire(wireOfJsonText('{"$u8":[-1,0]}'))).toThrow(/whole offset/);
  });

  it("reads the start of a message's JSON without decoding the rest", () => {
    const bytes = encodeWire({ type: 'analysis.run', requestId: 'a1', weights: new Float64Array(1000) });
    expect(wireHead(bytes)).toContain('"requestId":"a1"');
    expect(wireHead(bytes, 10)).toHaveLength(10);
  });
});

describe('wire: bytes from Node', () => {
  it('carries a Node Buffer as its bytes, not as Buffer.toJSON()', () => {
    const decoded = decodeWire(encodeWire({ bytes: Buffer.from([1, 2, 255]) })) as { bytes: unknown };
    expect(decoded.bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(decoded.bytes as Uint8Array)).toEqual([1, 2, 255]);
  });
});

describe('wireSize', () => {
  it.each([
    [
      'a request with a CSV of quotes, tabs, accents, an emoji and a lone surrogate',
      { type: 'train.start', runId: 'r', dataSet: { kind: 'csv', fileName: 'é.csv', text: 'a,"b"\tc\\\n1,2,x\u0001\n€,😀,\ud800' } },
    ],
    [
      'typed arrays of every kind and lengths around the 8-byte alignment',
      { a: new Float64Array([1, -0, NaN]), b: new Uint8Array(1), c: new Uint8Array(2), d: new Int32Array(5), e: new Float32Array(4), f: new Uint32Array(0) },
    ],
    [
      'special numbers, nulls, booleans, nested lists and undefined fields',
      { n: [NaN, Infinity, -Infinity, -0, 0, 1.5e-300, 12345678.9], x: null, t: true, f: false, u: undefined, l: [[1, [2]], [], {}], s: '' },
    ],
    [
      'a history long enough to travel as columns, beside a short one and arrays of awkward sizes',
      {
        history: Array.from({ length: 30 }, (_, i) => ({ epoch: i + 1, loss: i / 7 })),
        short: [{ epoch: 1, loss: NaN }],
        arrays: [new Uint8Array(13), new Float64Array(1234567 % 1000), new Int32Array(3)],
      },
    ],
  ])('is the length of what encodeWire gives for %s', (_, message) => {
    expect(wireSize(message)).toBe(encodeWire(message).length);
  });
});
