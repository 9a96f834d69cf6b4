// Tests the map requests through the engine's protocol: progress then one result, work.stop, the work limit, and the grids' minima.
import { describe, expect, it } from 'vitest';
import { EngineEventSchema, type EngineEvent, type EngineRequest } from '../../../engine/protocol/index.js';
import type { SurfaceMap } from '../../../engine/protocol/stepDecayMap.js';
import { createInProcessEngine } from '../../../engine/worker/inProcessEntry.js';
import { createEventLog, isError } from '../support/eventLog.js';

const mapRequest = (requestId: string, steps = 100, count = 12): SurfaceMap => ({
  type: 'surface.map',
  requestId,
  surface: 'exercise',
  start: { x: 3, y: 2 },
  steps,
  stepSizes: Array.from({ length: count }, (_, i) => (i === count - 1 ? 1e300 : 0.01 * 10 ** (i / 4))),
  decays: Array.from({ length: count }, (_, i) => 0.8 + (0.2 * i) / (count - 1)),
  epsilon: 1e-3,
});

function engine() {
  const log = createEventLog();
  const service = createInProcessEngine((event) => log.push(event));
  return { log, service, send: (request: unknown) => service.receive(request as EngineRequest) };
}

const isResult = (event: EngineEvent): event is Extract<EngineEvent, { type: 'surface.mapResult' }> => event.type === 'surface.mapResult';

describe('surface.map', () => {
  it('sends progress events, then the map, each a valid event; step sizes that overflow are diverged cells', async () => {
    const { log, service, send } = engine();
    send(mapRequest('m1', 3000));
    const result = await log.next(isResult);
    service.dispose();
    const progress = log.events.filter((event) => event.type === 'surface.mapProgress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ requestId: 'm1' });
    for (const event of log.events) expect(EngineEventSchema.safeParse(event).success).toBe(true);
    expect(result.finalValue).toHaveLength(144);
    expect(result.divergedAt[11]).toBe(1);
    expect(result.divergedAt[0]).toBe(0);
    expect(result.bestValue).toBeCloseTo(-2.2807097081, 9);
  });

  it('stops the map named by work.stop and answers it with the stopped code', async () => {
    const { log, service, send } = engine();
    send({ ...mapRequest('m2', 20000, 14), stepSizes: Array.from({ length: 14 }, (_, i) => 0.001 * (i + 1)) });
    await log.next((event): event is EngineEvent => event.type === 'surface.mapProgress');
    send({ type: 'work.stop', requestId: 'm2' });
    const error = await log.next(isError);
    service.dispose();
    expect(error).toMatchObject({ requestId: 'm2', code: 'stopped' });
    expect(log.events.some(isResult)).toBe(false);
  });

  it('refuses a map over the work limit before running anything, naming its size at the steps', async () => {
    const { log, service, send } = engine();
    send(mapRequest('m3', 100000, 60));
    const error = await log.next(isError);
    service.dispose();
    expect(error.field).toBe('steps');
    expect(error.message).toMatch(/60 × 60 runs of 100000 steps are 360,000,000 steps; a map takes at most 4,000,000$/);
  });

  it('refuses a step size that is not positive at its place in the list', async () => {
    const { log, service, send } = engine();
    send({ ...mapRequest('m4'), stepSizes: [0.1, -1] });
    const error = await log.next(isError);
    service.dispose();
    expect(error).toMatchObject({ field: 'stepSizes.1', message: 'bad request: stepSizes.1: a step size must be a positive number' });
  });
});

describe('surface.evaluate minima', () => {
  it("gives a built-in surface's known minima with their values, and a typed surface's found ones", async () => {
    const { log, service, send } = engine();
    send({ type: 'surface.evaluate', requestId: 'g1', surface: 'exercise', nx: 60, ny: 60 });
    send({ type: 'surface.evaluate', requestId: 'g2', surface: '(x - 1)^2 + y^2', nx: 60, ny: 60 });
    const grid = (id: string) =>
      log.next((event): event is Extract<EngineEvent, { type: 'surface.grid' }> => event.type === 'surface.grid' && event.requestId === id);
    const [known, found] = [await grid('g1'), await grid('g2')];
    service.dispose();
    expect(known.minimaKnown).toBe(true);
    expect(known.minima).toHaveLength(3);
    expect(known.minima[0]!.f).toBeCloseTo(-2.2807097081, 9);
    expect(found.minimaKnown).toBe(false);
    expect(found.minima).toHaveLength(1);
    expect(found.minima[0]!.x).toBeCloseTo(1, 9);
  });
});
