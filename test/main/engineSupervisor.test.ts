// Main's engine supervision in plain Node: restarts after crashes with back-off, gives up when the engine keeps crashing, replaces a hung one, and pages get fresh engines on reload.
import { describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../contract/labHost.js';
import { EnginePages } from '../../main/enginePages.js';
import { MAX_CRASHES, superviseEngine, type EngineChild } from '../../main/engineSupervisor.js';
import { fakeClock } from './fakeClock.js';

/** A stand-in for a utility process: records what main sends it, answers heartbeats while alive, exits when told. */
class FakeEngine implements EngineChild<string> {
  static count = 0;
  readonly pid = ++FakeEngine.count;
  readonly ports: string[] = [];
  killed = false;
  /** While true the engine answers every ping; a stopped (SIGSTOP) engine answers none. */
  answering = true;
  busy = 0;
  #message: ((message: unknown) => void) | undefined;
  #exit: ((code: number) => void) | undefined;

  connect(port: string) {
    this.ports.push(port);
  }
  postMessage(message: unknown) {
    const { type, requestId } = message as { type: string; requestId: string };
    if (type === 'engine.ping' && this.answering && !this.killed) this.#message?.({ type: 'engine.pong', requestId, busy: this.busy });
  }
  onMessage(listener: (message: unknown) => void) {
    this.#message = listener;
  }
  onExit(listener: (code: number) => void) {
    this.#exit = listener;
  }
  kill() {
    if (this.killed) return;
    this.killed = true;
    this.#exit?.(0);
  }
  /** The process dies by itself. */
  crash(code = 1) {
    this.killed = true;
    this.#exit?.(code);
  }
}

function supervised() {
  const clock = fakeClock();
  const engines: FakeEngine[] = [];
  const statuses: EngineStatus[] = [];
  let restarts = 0;
  const supervisor = superviseEngine<string>({
    fork: () => {
      const engine = new FakeEngine();
      engines.push(engine);
      return engine;
    },
    onStatus: (status) => statuses.push(status),
    onRestart: () => restarts++,
    clock,
    liveness: { intervalMs: 1000, notAnsweringMs: 4000, killAfterMs: 20_000 },
  });
  return { clock, engines, statuses, supervisor, restarts: () => restarts };
}

describe('the engine supervisor', () => {
  it('restarts a crashed engine at once the first time, then with a growing delay', () => {
    const { clock, engines, statuses, restarts } = supervised();
    engines[0]!.crash(3);
    expect(statuses.at(-1)).toMatchObject({ state: 'crashed', message: expect.stringContaining('code 3') });
    clock.advance(0);
    expect([engines.length, restarts()]).toEqual([2, 1]);
    engines[1]!.crash();
    clock.advance(100);
    expect(engines.length).toBe(2);
    clock.advance(200);
    expect(engines.length).toBe(3);
    engines[2]!.crash();
    clock.advance(499);
    expect(engines.length).toBe(3);
    clock.advance(1);
    expect(engines.length).toBe(4);
  });

  it('resets the back-off once a fresh engine has answered', () => {
    const { clock, engines } = supervised();
    engines[0]!.crash();
    clock.advance(0);
    engines[1]!.crash();
    clock.advance(250);
    clock.advance(1000); // engine 3 answers a heartbeat
    engines[2]!.crash();
    clock.advance(0);
    expect(engines.length).toBe(4);
  });

  it(`stops restarting after more than ${MAX_CRASHES} crashes in a minute and says so`, () => {
    const { clock, engines, statuses } = supervised();
    for (let i = 0; i <= MAX_CRASHES; i++) {
      engines.at(-1)!.crash();
      clock.advance(6000);
    }
    expect(engines.length).toBe(MAX_CRASHES + 1);
    expect(statuses.at(-1)).toMatchObject({ state: 'crashed', message: expect.stringContaining('restart Backprop Lab') });
  });

  it('reports a busy engine that stops answering, and "ready" when it answers again', () => {
    const { clock, engines, statuses } = supervised();
    const engine = engines[0]!;
    engine.busy = 1;
    clock.advance(1000);
    engine.answering = false;
    clock.advance(4000);
    expect(statuses.at(-1)).toMatchObject({ state: 'unresponsive', message: expect.stringMatching(/^The engine is not answering/) });
    engine.answering = true;
    clock.advance(1000);
    expect(statuses.at(-1)).toEqual({ state: 'ready' });
    expect(engine.killed).toBe(false);
  });

  it('kills and replaces a busy engine that stays silent past the grace, as after a crash', () => {
    const { clock, engines, statuses, restarts } = supervised();
    engines[0]!.busy = 2;
    clock.advance(1000);
    engines[0]!.answering = false;
    clock.advance(21_000);
    expect(engines[0]!.killed).toBe(true);
    expect(statuses.map((s) => s.state)).toEqual(['unresponsive', 'crashed']);
    expect(statuses.at(-1)).toMatchObject({
      message: expect.stringMatching(/^The engine stopped answering for \d+ s and was replaced; any run in progress has failed/),
    });
    clock.advance(0);
    expect([engines.length, restarts()]).toEqual([2, 1]);
  });

  it('leaves an idle engine alone even when it is silent', () => {
    const { clock, engines, statuses } = supervised();
    engines[0]!.answering = false;
    clock.advance(60_000);
    expect([statuses, engines[0]!.killed]).toEqual([[], false]);
  });

  it('stops for good: no restart after stop', () => {
    const { clock, engines, supervisor } = supervised();
    supervisor.stop();
    clock.advance(10_000);
    expect([engines.length, engines[0]!.killed]).toEqual([1, true]);
  });
});

describe('engine pages', () => {
  function pagesWithEngines() {
    const engines: FakeEngine[] = [];
    const clock = fakeClock();
    let channel = 0;
    const pages = new EnginePages<string>({
      supervise: (callbacks) =>
        superviseEngine({
          fork: () => {
            const engine = new FakeEngine();
            engines.push(engine);
            return engine;
          },
          ...callbacks,
          clock,
        }),
      newChannel: () => {
        channel += 1;
        return { enginePort: `engine-end-${channel}`, pagePort: `page-end-${channel}` };
      },
    });
    const link = () => {
      const received: string[] = [];
      return { received, link: { sendStatus: (s: EngineStatus) => received.push(s.state), sendPort: (p: string) => received.push(p), isGone: () => false } };
    };
    return { pages, engines, link, clock };
  }

  it('gives a reloaded page a fresh engine and stops the busy one it had', () => {
    const { pages, engines, link } = pagesWithEngines();
    const first = link();
    pages.connect(1, first.link);
    engines[0]!.busy = 1;
    const again = link();
    pages.connect(1, again.link);
    expect(engines.map((e) => e.killed)).toEqual([true, false]);
    expect(engines[1]!.ports).toEqual(['engine-end-2']);
    expect(again.received).toEqual(['page-end-2', 'ready']);
  });

  it('gives a second window its own engine, and stops an engine when its page closes', () => {
    const { pages, engines, link } = pagesWithEngines();
    pages.connect(1, link().link);
    pages.connect(2, link().link);
    expect(engines.length).toBe(2);
    pages.closed(1);
    expect(engines.map((e) => e.killed)).toEqual([true, false]);
    pages.stopAll();
    expect(engines[1]!.killed).toBe(true);
  });

  it("sends a crashed page the crash first, then the fresh engine's port, then ready", () => {
    const { pages, engines, link, clock } = pagesWithEngines();
    const page = link();
    pages.connect(1, page.link);
    engines[0]!.crash();
    clock.advance(0);
    expect(page.received).toEqual(['page-end-1', 'ready', 'crashed', 'page-end-2', 'ready']);
    expect(engines[1]!.ports).toEqual(['engine-end-2']);
  });
});
