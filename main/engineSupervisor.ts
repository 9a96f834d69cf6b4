// Keeps one page's engine process alive: restarts it after a crash with back-off, gives up when it keeps crashing, and replaces it when it stops answering (plain Node, main process; no Electron import).
import type { EngineStatus } from '../contract/labHost.js';
import { EngineLiveness, hungMessage, notAnsweringMessage, type LivenessClock, type LivenessTiming } from '../node/engineLiveness.js';
import { restartDelayMs } from '../node/restartDelay.js';

/** The parts of an engine process the supervisor uses (Electron's UtilityProcess behind engineProcess.ts; a fake in tests). */
export interface EngineChild<Port> {
  readonly pid: number | undefined;
  /** Hands the engine the port it speaks on (a new one replaces the old). */
  connect(port: Port): void;
  /** Sends a message on the process's own channel (heartbeats). */
  postMessage(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

/** The timers the supervisor uses (Node's by default). */
export interface SupervisorClock extends LivenessClock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface EngineSupervisorOptions<Port> {
  fork(): EngineChild<Port>;
  /** Every status for the page: crashed (with the message), unresponsive, ready again. */
  onStatus(status: EngineStatus): void;
  /** A fresh engine replaced a crashed or hung one: it needs a port (sent after the crash status). */
  onRestart(): void;
  clock?: SupervisorClock;
  liveness?: Partial<LivenessTiming>;
}

export interface EngineSupervisor<Port> {
  connect(port: Port): void;
  /** The running engine's process id. */
  readonly pid: number | undefined;
  /** Stops the engine for good (the page closed or reloaded, the app quits); no restart follows. */
  stop(): void;
}

/** More crashes than this within CRASH_WINDOW_MS and the engine is not restarted again. */
export const MAX_CRASHES = 5;
export const CRASH_WINDOW_MS = 60_000;

const nodeClock: SupervisorClock = {
  now: () => Date.now(),
  setInterval: (callback, ms) => setInterval(callback, ms).unref(),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

const isPong = (message: unknown): message is { type: 'engine.pong'; busy: number } =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'engine.pong';

/** Forks the engine now and supervises it until stop(). */
export function superviseEngine<Port>(options: EngineSupervisorOptions<Port>): EngineSupervisor<Port> {
  const clock = options.clock ?? nodeClock;
  const crashTimes: number[] = [];
  let crashesInARow = 0;
  let stopping = false;
  let hungFor: number | undefined;
  let restartTimer: unknown;
  let child: EngineChild<Port> | undefined;

  const liveness = new EngineLiveness({
    ping: (requestId) => child?.postMessage({ type: 'engine.ping', requestId }),
    onNotAnswering: (silentMs) => options.onStatus({ state: 'unresponsive', message: notAnsweringMessage(silentMs, liveness.timing.killAfterMs) }),
    onAnswering: () => options.onStatus({ state: 'ready' }),
    onHung: (silentMs) => {
      hungFor = silentMs;
      child?.kill();
    },
    clock,
    ...(options.liveness ? { timing: options.liveness } : {}),
  });

  function start(): void {
    const forked = options.fork();
    child = forked;
    hungFor = undefined;
    forked.onMessage((message) => {
      if (forked !== child) return;
      if (isPong(message)) {
        crashesInARow = 0;
        liveness.heard(message.busy);
      } else liveness.heard();
    });
    forked.onExit((code) => {
      if (!stopping && forked === child) handleExit(code);
    });
    liveness.start();
  }

  function handleExit(code: number): void {
    liveness.stop();
    child = undefined;
    const now = clock.now();
    crashTimes.push(now);
    while (crashTimes.length > 0 && now - crashTimes[0]! > CRASH_WINDOW_MS) crashTimes.shift();
    crashesInARow += 1;
    const restarting = crashTimes.length <= MAX_CRASHES;
    const message =
      hungFor !== undefined
        ? hungMessage(hungFor)
        : restarting
          ? `The engine exited unexpectedly (code ${code}); any run in progress has failed. A fresh one is starting.`
          : `The engine keeps exiting (code ${code}); restart Backprop Lab to try again.`;
    options.onStatus({ state: 'crashed', message });
    if (!restarting) return;
    restartTimer = clock.setTimeout(() => {
      if (stopping) return;
      start();
      options.onRestart();
    }, restartDelayMs(crashesInARow));
  }

  start();
  return {
    connect(port) {
      child?.connect(port);
    },
    get pid() {
      return child?.pid;
    },
    stop() {
      stopping = true;
      liveness.stop();
      clock.clearTimeout(restartTimer);
      child?.kill();
      child = undefined;
    },
  };
}
