// The wire codec: messages survive a trip through a WebSocket text frame exactly, typed arrays bit for bit.
import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire, wireSize } from '../../contract/wire.js';

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

  it('writes a Float64Array as base64 of its little-endian bytes', () => {
    const text = encodeWire(new Float64Array([1, -2]));
    const expected = Buffer.concat(
      [1, -2].map((v) => {
        const b = Buffer.alloc(8);
        b.writeDoubleLE(v);
        return b;
      }),
    ).toString('base64');
    expect(JSON.parse(text)).toEqual({ $f64: expected });
  });

  it('round-trips arrays of every length around the base64 padding boundaries', () => {
    for (let length = 0; length <= 7; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + 13) & 255);
      const back = decodeWire(encodeWire(bytes)) as Uint8Array;
      expect(back).toBeInstanceOf(Uint8Array);
      expect(Array.from(back)).toEqual(Array.from(bytes));
      expect(JSON.parse(encodeWire(bytes)).$u8).toBe(Buffer.from(bytes).toString('base64'));
    }
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

  it('throws on a frame that is not JSON or holds broken base64', () => {
    expect(() => decodeWire('{nope')).toThrow();
    expect(() => decodeWire('{"$f64":"AA*A"}')).toThrow(/base64/);
    expect(() => decodeWire('{"$f64":"AAAA"}')).toThrow(/whole Float64Array/);
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
      'typed arrays of every kind and lengths around base64 padding',
      { a: new Float64Array([1, -0, NaN]), b: new Uint8Array(1), c: new Uint8Array(2), d: new Int32Array(5), e: new Float32Array(4), f: new Uint32Array(0) },
    ],
    [
      'special numbers, nulls, booleans, nested lists and undefined fields',
      { n: [NaN, Infinity, -Infinity, -0, 0, 1.5e-300, 12345678.9], x: null, t: true, f: false, u: undefined, l: [[1, [2]], [], {}], s: '' },
    ],
  ])('is the UTF-8 length of what encodeWire gives for %s', (_, message) => {
    expect(wireSize(message)).toBe(Buffer.byteLength(encodeWire(message), 'utf8'));
  });
});
