// The hosts' heartbeat in plain Node: pings each second, "not answering" only while work is pending, recovery, and the hung verdict after the grace.
import { describe, expect, it } from 'vitest';
import { EngineLiveness, HEARTBEAT_ID_PREFIX } from '../../node/engineLiveness.js';
import { fakeClock } from '../main/fakeClock.js';

function watch(pending: { value: boolean }) {
  const clock = fakeClock();
  const log: string[] = [];
  const pings: string[] = [];
  const liveness = new EngineLiveness({
    ping: (id) => pings.push(id),
    hasPendingWork: () => pending.value,
    onNotAnswering: (ms) => log.push(`not answering ${ms}`),
    onAnswering: () => log.push('answering'),
    onHung: (ms) => log.push(`hung ${ms}`),
    timing: { intervalMs: 1000, notAnsweringMs: 3000, killAfterMs: 10_000 },
    clock,
  });
  liveness.start();
  return { clock, log, pings, liveness };
}

describe('EngineLiveness', () => {
  it('pings once a second with ids of its own', () => {
    const { clock, pings } = watch({ value: false });
    clock.advance(3000);
    expect(pings).toEqual([1, 2, 3].map((n) => `${HEARTBEAT_ID_PREFIX}${n}`));
  });

  it('reports a silent engine with work once, then its recovery', () => {
    const { clock, log, liveness } = watch({ value: true });
    clock.advance(5000);
    expect(log).toEqual(['not answering 3000']);
    expect(liveness.isNotAnswering).toBe(true);
    liveness.heard(1);
    expect(log).toEqual(['not answering 3000', 'answering']);
  });

  it('gives up on an engine silent past the grace while its last answer said it was busy, and stops pinging', () => {
    const pending = { value: false };
    const { clock, log, liveness, pings } = watch(pending);
    clock.advance(1000);
    liveness.heard(2);
    clock.advance(10_000);
    expect(log).toEqual(['not answering 3000', 'hung 10000']);
    const sent = pings.length;
    clock.advance(5000);
    expect(pings.length).toBe(sent);
  });

  it('says nothing about a silent engine that owes nothing', () => {
    const { clock, log } = watch({ value: false });
    clock.advance(60_000);
    expect(log).toEqual([]);
  });
});
