// The resource suite: a real engine process refuses every over-budget request quickly, and its memory (peak resident size, measured) stays under its budget throughout.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent, EngineRequest } from '../../engine/protocol/index.js';
import { EXERCISE_HYPERPARAMETERS } from '../../engine/training/hyperparameters.js';
import { parseSpecText } from '../../engine/specText.js';
import { ensureBuilt } from '../engine/support/ensureBuilt.js';
import { forkWireEngine } from '../engine/support/wireEngineProcess.js';

const MB = 1024 * 1024;
const hasProc = existsSync('/proc/self/status');

/** A line of /proc/PID/status in bytes: VmRSS (resident now) or VmHWM (the peak resident size so far). */
function statusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match![1]) * 1024;
}

/** An engine process, with its answers by id and a sampler of its resident memory. */
function startEngine() {
  const events: EngineEvent[] = [];
  const { child, send } = forkWireEngine((event) => events.push(event));
  let peakSample = 0;
  const sampler = setInterval(() => {
    if (child.pid && hasProc) peakSample = Math.max(peakSample, statusBytes(child.pid, 'VmRSS'));
  }, 20);
  const idOf = (event: EngineEvent) => ('requestId' in event ? event.requestId : 'runId' in event ? event.runId : undefined);
  /** Sends `request` and resolves with its first answer (a run's first event past train.started) and the time it took. */
  const ask = async (request: EngineRequest): Promise<{ event: EngineEvent; ms: number }> => {
    const id = 'requestId' in request ? request.requestId : request.runId;
    const from = events.length;
    const started = Date.now();
    send(request);
    let answer: EngineEvent | undefined;
    await expect
      .poll(() => (answer = events.slice(from).find((event) => idOf(event) === id && event.type !== 'train.started' && event.type !== 'train.state')), {
        timeout: 60_000,
        interval: 10,
      })
      .toBeDefined();
    return { event: answer!, ms: Date.now() - started };
  };
  const waitFor = (test: (event: EngineEvent) => boolean) => expect.poll(() => events.some(test), { timeout: 60_000, interval: 20 }).toBe(true);
  return {
    send,
    ask,
    waitFor,
    /** The most memory the process has held: the kernel's high-water mark, and the sampler's. */
    peak: () => Math.max(peakSample, child.pid && hasProc ? statusBytes(child.pid, 'VmHWM') : 0),
    stop: () => {
      clearInterval(sampler);
      child.kill();
    },
  };
}

const train = (runId: string, net: string, extra: Partial<typeof EXERCISE_HYPERPARAMETERS> = {}): EngineRequest => ({
  type: 'train.start',
  runId,
  spec: parseSpecText(net, 64),
  dataSet: 'digits-binary',
  hyper: { ...EXERCISE_HYPERPARAMETERS, ...extra },
});
const HUGE_EXPRESSION = Array.from({ length: 1700 }, (_, k) => `sin(x*${k})*y`).join('+');

beforeAll(() => ensureBuilt());

describe.skipIf(!hasProc)('the engine under its budget', () => {
  let engine: ReturnType<typeof startEngine>;
  beforeAll(() => {
    engine = startEngine();
  });
  afterAll(() => engine.stop());

  const overBudget: [string, EngineRequest][] = [
    ['linear:20000000', train('r20m', 'linear:20000000,sigmoid')],
    ['linear:100000000', train('r100m', 'linear:100000000,sigmoid')],
    ['a minibatch of 4096-unit layers too large', train('rbatch', 'linear:4096,relu,linear:4096,relu,linear:1,sigmoid', { batchSize: 890 })],
    [
      "a gradient check at the schema's largest sizes",
      { type: 'gradcheck.run', requestId: 'g', seed: 1, subject: { kind: 'layer', layer: { type: 'linear', units: 4096 }, inputs: 4096, rows: 256 } },
    ],
    [
      'a gradient check of a large network',
      {
        type: 'gradcheck.run',
        requestId: 'gn',
        seed: 1,
        subject: { kind: 'network', spec: parseSpecText('linear:2048,relu,linear:2048,relu,linear:1,sigmoid', 256), rows: 64 },
      },
    ],
    ['a 1000 × 1000 grid of a 22 KB expression', { type: 'surface.evaluate', requestId: 's', surface: HUGE_EXPRESSION, nx: 1000, ny: 1000 }],
    [
      '100,000 descent steps on it',
      { type: 'surface.descend', requestId: 'd', surface: HUGE_EXPRESSION, start: { x: 1, y: 2 }, learningRate: 0.01, steps: 100000 },
    ],
  ];

  it.each(overBudget)('refuses %s within two seconds, at a field, with its cost and the limit', async (_, request) => {
    const { event, ms } = await engine.ask(request);
    expect(event).toMatchObject({
      type: 'error',
      code: 'over-budget',
      field: expect.any(String),
      message: expect.stringMatching(/needs about .*; the engine/),
    });
    expect(ms).toBeLessThan(2000);
  });

  it('refuses a loss landscape of a finished run that would take too long', async () => {
    const run = train('wide', 'linear:512,relu,linear:512,relu,linear:1,sigmoid', { epochs: 1 });
    engine.send(run);
    await engine.waitFor((event) => event.type === 'train.finished' && event.runId === 'wide');
    const { event, ms } = await engine.ask({
      type: 'landscape.run',
      requestId: 'l',
      runId: 'wide',
      data: { dataSet: 'digits-binary', trainFraction: EXERCISE_HYPERPARAMETERS.trainFraction, seed: EXERCISE_HYPERPARAMETERS.seed },
      resolution: 101,
      span: 1,
      directionSeed: 1,
    });
    expect(event).toMatchObject({ type: 'error', code: 'over-budget', field: 'resolution' });
    expect(ms).toBeLessThan(5000);
  });

  it('stayed under its 1 GB budget throughout', () => {
    expect(engine.peak()).toBeGreaterThan(10 * MB);
    expect(engine.peak()).toBeLessThan(1024 * MB);
  });
});

describe.skipIf(!hasProc)('an engine given a smaller budget', () => {
  it('refuses what its 256 MB do not hold, trains what they do, and stays under 256 MB', async () => {
    const engine = startEngine();
    try {
      await engine.ask({ type: 'engine.configure', requestId: 'c', memoryBudget: 256 * MB });
      const refused = await engine.ask(train('big', 'linear:2048,relu,linear:2048,relu,linear:1,sigmoid', { batchSize: 10 }));
      expect(refused.event).toMatchObject({ type: 'error', code: 'over-budget', message: expect.stringContaining("the engine's memory budget is 256 MB") });
      engine.send(train('fits', 'linear:256,relu,linear:256,relu,linear:1,sigmoid', { epochs: 3 }));
      await engine.waitFor((event) => event.type === 'train.finished' && event.runId === 'fits');
      expect(engine.peak()).toBeLessThan(256 * MB);
    } finally {
      engine.stop();
    }
  });
});
