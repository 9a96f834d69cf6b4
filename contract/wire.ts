// The lab's wire codec (engine, browser host and renderer): a message as one binary buffer — its JSON, with every typed
// array a reference into the raw little-endian bytes after it — so arrays travel as bytes, never as text, exact to the bit.
import type { EngineEvent } from '../engine/protocol/index.js';
import type { EngineStatus } from './labHost.js';

/** What the browser host sends the renderer; requests travel the other way as they are. */
export type HostEnvelope = { kind: 'event'; event: EngineEvent } | { kind: 'status'; status: EngineStatus };

type TypedArrayConstructor = Float64ArrayConstructor | Float32ArrayConstructor | Int32ArrayConstructor | Uint32ArrayConstructor | Uint8ArrayConstructor;
type AnyTypedArray = InstanceType<TypedArrayConstructor>;

/** Each typed array that may travel, under the one key that marks it: `{"$f64": [byteOffset, length]}` into the bytes. */
const TYPED_ARRAY_TAGS: ReadonlyArray<readonly [string, TypedArrayConstructor]> = [
  ['$f64', Float64Array],
  ['$f32', Float32Array],
  ['$i32', Int32Array],
  ['$u32', Uint32Array],
  ['$u8', Uint8Array],
];
/** Numbers JSON cannot hold: NaN, ±Infinity and −0. */
const NUMBER_TAG = '$num';
/** A long list of records of numbers with the same keys (a run's history), sent as one float64 column per key. */
const ROWS_TAG = '$rows';
const RESERVED_KEYS = new Set([...TYPED_ARRAY_TAGS.map(([tag]) => tag), NUMBER_TAG, ROWS_TAG]);

/** "BLW" and the format's version open every message; then the JSON's length in bytes (u32, little-endian). */
const MAGIC = [0x42, 0x4c, 0x57, 0x01] as const;
const HEADER_BYTES = 8;
/** Every array's bytes start at a multiple of 8 after the JSON, so a Float64Array can be read in place. */
const ALIGN = 8;
/** Lists of at least this many records travel as columns; shorter ones as plain JSON. */
const MIN_ROWS = 16;

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

interface TextCodecs {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
}
// The engine's type library has neither the DOM's nor Node's types; every runtime the lab uses has both codecs.
const codecs = globalThis as unknown as TextCodecs;
const utf8Encoder = new codecs.TextEncoder();
const utf8Decoder = new codecs.TextDecoder('utf-8', { fatal: true });

const aligned = (bytes: number): number => Math.ceil(bytes / ALIGN) * ALIGN;

/** Encodes a message as one buffer. Throws on values the wire cannot carry exactly. */
export function encodeWire(message: unknown): Uint8Array {
  const arrays: { view: ArrayBufferView; offset: number }[] = [];
  let arrayBytes = 0;
  const place = (view: ArrayBufferView): number => {
    const offset = arrayBytes;
    arrays.push({ view, offset });
    arrayBytes += aligned(view.byteLength);
    return offset;
  };
  const json =
    JSON.stringify(message, function replace(this: unknown, key: string, given: unknown): unknown {
      // JSON.stringify applies toJSON before the replacer sees a value (Node's Buffer turns into {type, data}):
      // take the holder's own value, so every typed array, Buffer included, travels as bytes.
      const own = (this as Record<string, unknown>)[key];
      const value = ArrayBuffer.isView(own) ? own : given;
      if (typeof value === 'number') return encodeNumber(value);
      if (typeof value !== 'object' || value === null) return value;
      if (ArrayBuffer.isView(value)) {
        const tag = tagOf(value);
        return { [tag]: [place(value), (value as AnyTypedArray).length] };
      }
      if (value instanceof Map || value instanceof Set) throw new Error('wire: Map and Set cannot travel; use objects and arrays');
      if (Array.isArray(value)) {
        const keys = rowKeys(value);
        return keys ? { [ROWS_TAG]: { keys, count: value.length, at: keys.map((k) => place(columnOf(value, k))) } } : value;
      }
      const keys = Object.keys(value);
      if (keys.length === 1 && RESERVED_KEYS.has(keys[0]!)) throw new Error(`wire: the key ${keys[0]} is reserved by the codec`);
      return value;
    }) ?? 'null';
  const text = utf8Encoder.encode(json);
  const start = aligned(HEADER_BYTES + text.length);
  const bytes = new Uint8Array(start + arrayBytes);
  bytes.set(MAGIC, 0);
  new DataView(bytes.buffer).setUint32(4, text.length, true);
  bytes.set(text, HEADER_BYTES);
  for (const { view, offset } of arrays) writeArray(bytes, start + offset, view as AnyTypedArray);
  return bytes;
}

/**
 * Decodes one message; typed arrays and special numbers come back bit for bit. With `views`, typed arrays look into
 * `bytes` in place where they can (no copy; they keep the whole buffer alive); otherwise each is a copy of its own.
 * Throws on bytes that are not a message, bad JSON, or an array reaching outside the bytes.
 */
export function decodeWire(bytes: Uint8Array, options: { views?: boolean } = {}): unknown {
  if (bytes.length < HEADER_BYTES || MAGIC.some((byte, i) => bytes[i] !== byte)) throw new Error('wire: not a Backprop Lab message');
  const jsonBytes = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (HEADER_BYTES + jsonBytes > bytes.length) throw new Error(`wire: the message's JSON runs past its ${bytes.length} bytes`);
  const text = utf8Decoder.decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + jsonBytes));
  const arrays = bytes.subarray(Math.min(bytes.length, aligned(HEADER_BYTES + jsonBytes)));
  const views = options.views ?? false;
  return JSON.parse(text, (_key: string, value: unknown): unknown => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const keys = Object.keys(value);
    if (keys.length !== 1 || !RESERVED_KEYS.has(keys[0]!)) return value;
    const tag = keys[0]!;
    const payload = (value as Record<string, unknown>)[tag];
    if (tag === NUMBER_TAG) return decodeNumber(payload);
    if (tag === ROWS_TAG) return decodeRows(payload, arrays);
    const type = TYPED_ARRAY_TAGS.find(([name]) => name === tag)![1];
    if (!Array.isArray(payload) || payload.length !== 2) throw new Error(`wire: ${tag} wants [offset, length]`);
    return readArray(arrays, payload[0], payload[1], type, views);
  });
}

/** The message whose JSON is `text` exactly as given, unchecked and with no arrays: for sending hand-written (or broken) messages. */
export function wireOfJsonText(text: string): Uint8Array {
  const json = utf8Encoder.encode(text);
  const bytes = new Uint8Array(HEADER_BYTES + json.length);
  bytes.set(MAGIC, 0);
  new DataView(bytes.buffer).setUint32(4, json.length, true);
  bytes.set(json, HEADER_BYTES);
  return bytes;
}

/** The start of a message's JSON (up to `chars` characters), without decoding the rest: enough to find the ids of an oversized request. */
export function wireHead(bytes: Uint8Array, chars = 4096): string {
  if (bytes.length < HEADER_BYTES) return '';
  const jsonBytes = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  const end = Math.min(bytes.length, HEADER_BYTES + jsonBytes, HEADER_BYTES + 4 * chars);
  return new codecs.TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(HEADER_BYTES, end)).slice(0, chars);
}

function tagOf(view: ArrayBufferView): string {
  const entry = TYPED_ARRAY_TAGS.find(([, type]) => view instanceof type);
  if (!entry) throw new Error(`wire: ${view.constructor.name} cannot travel`);
  return entry[0];
}

/** The keys of a list that travels as columns: MIN_ROWS or more plain records with the same keys in the same order, every value a number. */
function rowKeys(list: readonly unknown[]): string[] | undefined {
  if (list.length < MIN_ROWS) return undefined;
  const first = list[0];
  if (!isPlainRecord(first)) return undefined;
  const keys = Object.keys(first);
  if (keys.length === 0 || keys.some((key) => RESERVED_KEYS.has(key) || key === '__proto__')) return undefined;
  for (const row of list) {
    if (!isPlainRecord(row)) return undefined;
    const own = Object.keys(row);
    if (own.length !== keys.length) return undefined;
    for (let j = 0; j < keys.length; j++) if (own[j] !== keys[j] || typeof row[keys[j]!] !== 'number') return undefined;
  }
  return keys;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function columnOf(rows: readonly unknown[], key: string): Float64Array {
  const column = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) column[i] = (rows[i] as Record<string, number>)[key]!;
  return column;
}

function decodeRows(payload: unknown, arrays: Uint8Array): Record<string, number>[] {
  const { keys, count, at } = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  const valid =
    Array.isArray(keys) &&
    keys.every((key) => typeof key === 'string' && key !== '__proto__') &&
    Array.isArray(at) &&
    at.length === keys.length &&
    Number.isSafeInteger(count);
  if (!valid) throw new Error(`wire: ${ROWS_TAG} wants {keys, count, at}`);
  const columns = (at as unknown[]).map((offset) => readArray(arrays, offset, count, Float64Array, true) as Float64Array);
  const names = keys as string[];
  const rows: Record<string, number>[] = new Array(count as number);
  for (let i = 0; i < (count as number); i++) {
    const row: Record<string, number> = {};
    for (let j = 0; j < names.length; j++) row[names[j]!] = columns[j]![i]!;
    rows[i] = row;
  }
  return rows;
}

function readArray(arrays: Uint8Array, offset: unknown, length: unknown, type: TypedArrayConstructor, views: boolean): AnyTypedArray {
  const size = type.BYTES_PER_ELEMENT;
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || (offset as number) < 0 || (length as number) < 0) {
    throw new Error(`wire: a ${type.name} needs a whole offset and length`);
  }
  const start = offset as number;
  const bytes = (length as number) * size;
  if (start + bytes > arrays.length) throw new Error(`wire: a ${type.name} of ${length} elements reaches past the message's end`);
  const at = arrays.byteOffset + start;
  if (views && LITTLE_ENDIAN && at % size === 0) return new type(arrays.buffer as ArrayBuffer, at, length as number);
  const values = new type(length as number);
  const source = arrays.subarray(start, start + bytes);
  if (LITTLE_ENDIAN) new Uint8Array(values.buffer).set(source);
  else {
    const input = new DataView(source.buffer, source.byteOffset, source.byteLength);
    for (let i = 0; i < values.length; i++) values[i] = readLittleEndian(input, i * size, type);
  }
  return values;
}

function writeArray(bytes: Uint8Array, at: number, values: AnyTypedArray): void {
  if (LITTLE_ENDIAN) {
    bytes.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), at);
    return;
  }
  const type = TYPED_ARRAY_TAGS.find(([, t]) => values instanceof t)![1];
  const out = new DataView(bytes.buffer, at, values.byteLength);
  for (let i = 0; i < values.length; i++) writeLittleEndian(out, i * type.BYTES_PER_ELEMENT, type, values[i]!);
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

function encodeNumber(value: number): unknown {
  if (Number.isNaN(value)) return { [NUMBER_TAG]: 'NaN' };
  if (value === Infinity) return { [NUMBER_TAG]: 'Infinity' };
  if (value === -Infinity) return { [NUMBER_TAG]: '-Infinity' };
  if (Object.is(value, -0)) return { [NUMBER_TAG]: '-0' };
  return value;
}

function decodeNumber(text: unknown): number {
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

/**
 * The size in bytes of what encodeWire gives `message`, counted without building it (so a message can be measured
 * against the size limits cheaply, whichever host carries it): each typed array counts its own bytes.
 */
export function wireSize(message: unknown): number {
  const counter = { arrayBytes: 0 };
  const json = jsonSize(message, counter);
  return aligned(HEADER_BYTES + json) + counter.arrayBytes;
}

/** The UTF-8 length of the JSON encodeWire writes for `value`, counting the arrays it places after the JSON. */
function jsonSize(value: unknown, counter: { arrayBytes: number }): number {
  const place = (byteLength: number): number => {
    const offset = counter.arrayBytes;
    counter.arrayBytes += aligned(byteLength);
    return offset;
  };
  if (value === null || typeof value === 'boolean') return String(value).length;
  if (typeof value === 'number') {
    const special = encodeNumber(value);
    return typeof special === 'number' ? String(special).length : jsonSize(special, counter);
  }
  if (typeof value === 'string') return stringSize(value);
  if (typeof value !== 'object') return 0;
  if (ArrayBuffer.isView(value)) {
    const tag = TYPED_ARRAY_TAGS.find(([, type]) => value instanceof type)?.[0] ?? '$?';
    const offset = place(value.byteLength);
    return stringSize(tag) + 6 + digits(offset) + digits((value as AnyTypedArray).length);
  }
  if (Array.isArray(value)) {
    const keys = rowKeys(value);
    if (keys) {
      const at = keys.map(() => place(value.length * 8));
      return jsonSize({ [ROWS_TAG]: { keys, count: value.length, at } }, { arrayBytes: 0 });
    }
    let total = 2 + Math.max(0, value.length - 1);
    for (const item of value) total += item === undefined || typeof item === 'function' ? 4 : jsonSize(item, counter);
    return total;
  }
  let total = 2;
  let count = 0;
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || typeof field === 'function') continue;
    total += stringSize(key) + 1 + jsonSize(field, counter);
    count++;
  }
  return total + Math.max(0, count - 1);
}

const digits = (n: number): number => String(n).length;

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
