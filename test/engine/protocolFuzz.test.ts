// A bounded, seeded protocol fuzzer: thousands of malformed and random messages, each answered by an error naming its ids, and no engine crash.
import { beforeAll, describe, expect, it } from 'vitest';
import { RequestSchema, type EngineEvent } from '../../engine/protocol/index.js';
import { createRandom, type Random } from '../../engine/random.js';
import { EXERCISE_HYPERPARAMETERS } from '../../engine/training/hyperparameters.js';
import { createInProcessEngine } from '../../engine/worker/inProcessEntry.js';
import { decodeWire, encodeWire } from '../../contract/wire.js';
import { ensureBuilt } from './support/ensureBuilt.js';
import { forkWireEngine } from './support/wireEngineProcess.js';

/** Valid requests of every family, the seeds the mutations start from. */
const SEEDS: Record<string, unknown>[] = [
  {
    type: 'train.start',
    runId: 'r',
    spec: { input: 64, layers: [{ type: 'linear', units: 1 }, { type: 'sigmoid' }] },
    dataSet: 'digits-binary',
    hyper: EXERCISE_HYPERPARAMETERS,
  },
  { type: 'train.stop', runId: 'r' },
  { type: 'engine.describe', requestId: 'q' },
  { type: 'functions.sample', requestId: 'q', functionId: 'relu', count: 10, epsilon: 1e-4, at: 0.5 },
  { type: 'surface.evaluate', requestId: 'q', surface: 'x*y', nx: 4, ny: 4 },
  { type: 'surface.descend', requestId: 'q', surface: 'exercise', start: { x: 3, y: 2 }, learningRate: 0.1, steps: 5 },
  { type: 'gradcheck.run', requestId: 'q', seed: 1, subject: { kind: 'layer', layer: { type: 'linear', units: 3 }, inputs: 2, rows: 2 } },
  { type: 'spec.check', requestId: 'q', spec: { input: 4, layers: [{ type: 'linear', units: 2 }] } },
  {
    type: 'epoch.estimate',
    requestId: 'q',
    spec: { input: 4, layers: [{ type: 'linear', units: 3 }, { type: 'softmax' }] },
    dataSet: 'iris',
    hyper: EXERCISE_HYPERPARAMETERS,
  },
  { type: 'export.build', requestId: 'q', format: 'metrics.csv', history: [] },
  { type: 'work.stop', requestId: 'q' },
  { type: 'engine.ping', requestId: 'q' },
  { type: 'engine.configure', requestId: 'q', memoryBudget: 512 * 1024 * 1024 },
];

const ODD_VALUES: unknown[] = [
  null,
  undefined,
  true,
  0,
  -1,
  1e308,
  -1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53 + 1,
  0.5,
  '',
  'x'.repeat(10_000),
  '\u0000\ud800',
  [],
  [1, 2, 3],
  {},
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  new Float64Array(3),
  new Uint8Array(2),
];

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random.next() * items.length)]!;

/** A random JSON-ish value, nested up to `depth`. */
function randomValue(random: Random, depth: number): unknown {
  const roll = random.next();
  if (depth <= 0 || roll < 0.5) return structuredClone(pick(random, ODD_VALUES));
  if (roll < 0.75) return Array.from({ length: Math.floor(random.next() * 4) }, () => randomValue(random, depth - 1));
  const keys = ['type', 'requestId', 'runId', 'spec', 'layers', 'hyper', 'subject', 'surface', 'x', pick(random, ['__proto__', 'toString', 'valueOf'])];
  return Object.fromEntries(Array.from({ length: Math.floor(random.next() * 4) }, () => [pick(random, keys), randomValue(random, depth - 1)]));
}

/** Every path to a value inside `value` (objects and arrays). */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return [prefix];
  return [prefix, ...Object.keys(value).flatMap((key) => pathsOf((value as Record<string, unknown>)[key], [...prefix, key]))];
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node: Record<string, unknown> = target;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** A copy of a valid request with one to three of its values replaced, removed, or an unknown key added. */
function mutate(random: Random, seed: Record<string, unknown>): unknown {
  const copy = structuredClone(seed);
  const mutations = 1 + Math.floor(random.next() * 3);
  for (let m = 0; m < mutations; m++) {
    const paths = pathsOf(copy).filter((path) => path.length > 0);
    if (paths.length === 0) break;
    const path = pick(random, paths);
    const roll = random.next();
    if (roll < 0.15) setAt(copy, path, undefined);
    else if (roll < 0.3) setAt(copy, [...path.slice(0, -1), `unknown${m}`], 1);
    else setAt(copy, path, randomValue(random, 2));
  }
  return copy;
}

/** `count` seeded messages that the protocol refuses: mutations of valid requests, and random values. */
function malformedMessages(seed: number, count: number): unknown[] {
  const random = createRandom(seed);
  const messages: unknown[] = [];
  while (messages.length < count) {
    const message = random.next() < 0.8 ? mutate(random, pick(random, SEEDS)) : randomValue(random, 3);
    if (!RequestSchema.safeParse(message).success) messages.push(message);
  }
  return messages;
}

/** The ids an answer to `message` must carry: its string requestId, else its string runId. */
function expectedIds(message: unknown): { requestId?: string; runId?: string } {
  const record = typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : {};
  if (typeof record.requestId === 'string') return { requestId: record.requestId };
  return typeof record.runId === 'string' ? { runId: record.runId } : {};
}

beforeAll(() => ensureBuilt());

describe('the protocol fuzzer', () => {
  it('answers each of 4,000 seeded malformed messages with one error carrying its ids, in-process', () => {
    const events: EngineEvent[] = [];
    const engine = createInProcessEngine((event) => events.push(event));
    const messages = malformedMessages(20261201, 4000);
    for (const message of messages) {
      const before = events.length;
      expect(() => engine.receive(message)).not.toThrow();
      // A request the protocol refuses is answered at once, before anything runs.
      expect(events.length).toBe(before + 1);
      const answer = events[before]!;
      expect(answer).toMatchObject({ type: 'error', message: expect.stringMatching(/^bad request: /) });
      expect(answer.type === 'error' && { requestId: answer.requestId, runId: answer.runId }).toMatchObject(expectedIds(message));
    }
    engine.dispose();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('keeps a real engine process alive through 2,000 malformed messages, answering each, and it still trains', async () => {
    const events: EngineEvent[] = [];
    const { child, send } = forkWireEngine((event) => events.push(event));
    let exited = false;
    child.on('exit', () => (exited = true));
    // Messages travel on the wire (typed arrays as bytes, the rest as JSON, so an undefined field is left out): those the
    // wire would turn into a valid request are left out of this round.
    const messages = malformedMessages(7, 2100)
      .filter((message) => !RequestSchema.safeParse(decodeWire(encodeWire(message))).success)
      .slice(0, 2000);
    expect(messages).toHaveLength(2000);
    for (const message of messages) send(message);
    await expect.poll(() => events.length, { timeout: 30_000, interval: 50 }).toBe(messages.length);
    expect(events.every((event) => event.type === 'error')).toBe(true);
    send({ ...SEEDS[0], runId: 'after', hyper: { ...EXERCISE_HYPERPARAMETERS, epochs: 1 } });
    await expect.poll(() => events.filter((event) => 'runId' in event && event.runId === 'after').at(-1)?.type, { timeout: 30_000 }).toBe('train.finished');
    expect(exited).toBe(false);
    child.kill();
  });
});
