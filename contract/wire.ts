// The browser host's wire codec (Node host and browser renderer): messages to and from WebSocket text frames,
// keeping typed arrays and non-finite numbers exact, since JSON alone would turn them into lists and nulls.
import type { EngineEvent } from '../engine/protocol/index.js';
import type { EngineStatus } from './labHost.js';

/** What the browser host sends the renderer; requests travel the other way as they are. */
export type HostEnvelope = { kind: 'event'; event: EngineEvent } | { kind: 'status'; status: EngineStatus };

type TypedArrayConstructor = Float64ArrayConstructor | Float32ArrayConstructor | Int32ArrayConstructor | Uint32ArrayConstructor | Uint8ArrayConstructor;

/** Each typed array that may travel, under the one key that marks it; its bytes are little-endian, in base64. */
const TYPED_ARRAY_TAGS: ReadonlyArray<readonly [string, TypedArrayConstructor]> = [
  ['$f64', Float64Array],
  ['$f32', Float32Array],
  ['$i32', Int32Array],
  ['$u32', Uint32Array],
  ['$u8', Uint8Array],
];
/** Numbers JSON cannot hold: NaN, ±Infinity and −0. */
const NUMBER_TAG = '$num';
const RESERVED_KEYS = new Set([...TYPED_ARRAY_TAGS.map(([tag]) => tag), NUMBER_TAG]);

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Encodes a message as the text of one WebSocket frame. Throws on values the wire cannot carry exactly. */
export function encodeWire(message: unknown): string {
  return JSON.stringify(message, function replace(this: unknown, key: string, given: unknown): unknown {
    // JSON.stringify applies toJSON before the replacer sees a value (Node's Buffer turns into {type, data}):
    // take the holder's own value, so every typed array, Buffer included, travels as bytes.
    const own = (this as Record<string, unknown>)[key];
    const value = ArrayBuffer.isView(own) ? own : given;
    if (typeof value === 'number') return encodeNumber(value);
    if (typeof value !== 'object' || value === null) return value;
    if (ArrayBuffer.isView(value)) return encodeTypedArray(value);
    if (value instanceof Map || value instanceof Set) throw new Error('wire: Map and Set cannot travel; use objects and arrays');
    if (!Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && RESERVED_KEYS.has(keys[0]!)) throw new Error(`wire: the key ${keys[0]} is reserved by the codec`);
    }
    return value;
  });
}

/** Decodes the text of one WebSocket frame; typed arrays and special numbers come back bit for bit. Throws on bad JSON. */
export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key: string, value: unknown): unknown => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const keys = Object.keys(value);
    if (keys.length !== 1) return value;
    const tag = keys[0]!;
    const payload = (value as Record<string, unknown>)[tag];
    if (typeof payload !== 'string') return value;
    if (tag === NUMBER_TAG) return decodeNumber(payload);
    const entry = TYPED_ARRAY_TAGS.find(([name]) => name === tag);
    return entry ? decodeTypedArray(payload, entry[1]) : value;
  });
}

function encodeNumber(value: number): unknown {
  if (Number.isNaN(value)) return { [NUMBER_TAG]: 'NaN' };
  if (value === Infinity) return { [NUMBER_TAG]: 'Infinity' };
  if (value === -Infinity) return { [NUMBER_TAG]: '-Infinity' };
  if (Object.is(value, -0)) return { [NUMBER_TAG]: '-0' };
  return value;
}

function decodeNumber(text: string): number {
  switch (text) {
    case 'NaN':
      return NaN;
    case 'Infinity':
      return Infinity;
    case '-Infinity':
      return -Infinity;
    case '-0':
      return -0;
    default:
      throw new Error(`wire: unknown special number ${JSON.stringify(text)}`);
  }
}

function encodeTypedArray(view: ArrayBufferView): Record<string, string> {
  const entry = TYPED_ARRAY_TAGS.find(([, type]) => view instanceof type);
  if (!entry) throw new Error(`wire: ${view.constructor.name} cannot travel`);
  const [tag, type] = entry;
  const bytes = new Uint8Array(view.byteLength);
  const out = new DataView(bytes.buffer);
  const values = view as InstanceType<TypedArrayConstructor>;
  const size = type.BYTES_PER_ELEMENT;
  for (let i = 0; i < values.length; i++) writeLittleEndian(out, i * size, type, values[i]!);
  return { [tag]: bytesToBase64(bytes) };
}

function decodeTypedArray(text: string, type: TypedArrayConstructor): InstanceType<TypedArrayConstructor> {
  const bytes = base64ToBytes(text);
  const size = type.BYTES_PER_ELEMENT;
  if (bytes.length % size !== 0) throw new Error(`wire: ${bytes.length} bytes do not make whole ${type.name} elements`);
  const input = new DataView(bytes.buffer);
  const values = new type(bytes.length / size);
  for (let i = 0; i < values.length; i++) values[i] = readLittleEndian(input, i * size, type);
  return values;
}

function writeLittleEndian(out: DataView, offset: number, type: TypedArrayConstructor, value: number): void {
  if (type === Float64Array) out.setFloat64(offset, value, true);
  else if (type === Float32Array) out.setFloat32(offset, value, true);
  else if (type === Int32Array) out.setInt32(offset, value, true);
  else if (type === Uint32Array) out.setUint32(offset, value, true);
  else out.setUint8(offset, value);
}

function readLittleEndian(input: DataView, offset: number, type: TypedArrayConstructor): number {
  if (type === Float64Array) return input.getFloat64(offset, true);
  if (type === Float32Array) return input.getFloat32(offset, true);
  if (type === Int32Array) return input.getInt32(offset, true);
  if (type === Uint32Array) return input.getUint32(offset, true);
  return input.getUint8(offset);
}

/** Standard base64 with padding; written out because the engine may use neither Node's Buffer nor the DOM's btoa. */
function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!,
      b1 = bytes[i + 1],
      b2 = bytes[i + 2];
    const triple = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0);
    parts.push(
      BASE64_ALPHABET[(triple >> 18) & 63]! +
        BASE64_ALPHABET[(triple >> 12) & 63]! +
        (b1 === undefined ? '=' : BASE64_ALPHABET[(triple >> 6) & 63]!) +
        (b2 === undefined ? '=' : BASE64_ALPHABET[triple & 63]!),
    );
  }
  return parts.join('');
}

function base64ToBytes(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new Error('wire: base64 length is not a multiple of 4');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  for (let i = 0, o = 0; i < text.length; i += 4) {
    let triple = 0;
    for (let j = 0; j < 4; j++) {
      const char = text[i + j]!;
      const digit = char === '=' && i + j >= text.length - padding ? 0 : BASE64_ALPHABET.indexOf(char);
      if (digit < 0) throw new Error(`wire: ${JSON.stringify(char)} is not a base64 digit`);
      triple = (triple << 6) | digit;
    }
    for (let k = 16; k >= 0 && o < bytes.length; k -= 8) bytes[o++] = (triple >> k) & 255;
  }
  return bytes;
}

/**
 * The size in bytes of the UTF-8 text encodeWire gives `message`, counted without building that text (so a request can
 * be measured against the size limits cheaply, whichever host carries it).
 */
export function wireSize(message: unknown): number {
  if (message === null || typeof message === 'boolean') return String(message).length;
  if (typeof message === 'number') {
    const special = encodeNumber(message);
    return typeof special === 'number'
      ? JSON.stringify(special).length
      : NUMBER_TAG.length + JSON.stringify((special as Record<string, string>)[NUMBER_TAG]).length + 5;
  }
  if (typeof message === 'string') return stringSize(message);
  if (typeof message !== 'object') return 0;
  if (ArrayBuffer.isView(message)) {
    const entry = TYPED_ARRAY_TAGS.find(([, type]) => message instanceof type);
    return (entry ? entry[0].length : 4) + 4 * Math.ceil(message.byteLength / 3) + 7;
  }
  if (Array.isArray(message)) {
    let total = 2 + Math.max(0, message.length - 1);
    for (const item of message) total += item === undefined || typeof item === 'function' ? 4 : wireSize(item);
    return total;
  }
  let total = 2;
  let count = 0;
  for (const [key, value] of Object.entries(message)) {
    if (value === undefined || typeof value === 'function') continue;
    total += stringSize(key) + 1 + wireSize(value);
    count++;
  }
  return total + Math.max(0, count - 1);
}

/** The bytes of a JSON string literal: quotes, escapes, UTF-8. */
function stringSize(text: string): number {
  let total = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c || code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d) total += 2;
    else if (code < 0x20) total += 6;
    else if (code < 0x80) total += 1;
    else if (code < 0x800) total += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      total += 4;
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) total += 6;
    else total += 3;
  }
  return total;
}
