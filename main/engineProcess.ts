// Keeps one engine running as an Electron utility process and starts a fresh one when it dies (main process).
import { utilityProcess, type MessagePortMain, type UtilityProcess } from 'electron';
import { ENGINE_SERVICE_NAME } from './engineServiceName.js';

export interface EngineProcessOptions {
  /** The compiled utility-process entry of the engine. */
  entry: string;
  /** Extra environment for the engine, on top of main's own. */
  env: Record<string, string>;
  /** Called when the engine exits without being asked to; `restarting` is false once it keeps dying. */
  onCrash(message: string, restarting: boolean): void;
  /** Called after a fresh engine has replaced a crashed one; it has no port yet. */
  onRestart(): void;
}

export interface EngineProcess {
  /** Hands the engine the port it will speak on; a new port replaces the previous one. */
  connect(port: MessagePortMain): void;
  /** The running engine's process id, if it has started. */
  readonly pid: number | undefined;
  /** Stops the engine for good (at quit); no restart follows. */
  stop(): void;
}

/** More crashes than this within CRASH_WINDOW_MS and the engine is not restarted again. */
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 60_000;

/** Forks the engine now; restarts it after an unexpected exit, unless it keeps crashing. */
export function startEngineProcess(options: EngineProcessOptions): EngineProcess {
  const crashTimes: number[] = [];
  let stopping = false;
  let child = fork();

  function fork(): UtilityProcess {
    const forked = utilityProcess.fork(options.entry, [], {
      serviceName: ENGINE_SERVICE_NAME,
      stdio: 'inherit',
      env: { ...process.env, ...options.env },
    });
    forked.once('exit', (code) => {
      if (!stopping && forked === child) handleCrash(code);
    });
    return forked;
  }

  function handleCrash(code: number): void {
    const now = Date.now();
    crashTimes.push(now);
    while (crashTimes.length > 0 && now - crashTimes[0]! > CRASH_WINDOW_MS) crashTimes.shift();
    const restarting = crashTimes.length <= MAX_CRASHES;
    options.onCrash(
      restarting
        ? `The engine exited unexpectedly (code ${code}); a fresh one is starting.`
        : `The engine keeps exiting (code ${code}); restart Backprop Lab to try again.`,
      restarting,
    );
    if (!restarting) return;
    child = fork();
    options.onRestart();
  }

  return {
    connect(port) {
      child.postMessage({ type: 'connect' }, [port]);
    },
    get pid() {
      return child.pid;
    },
    stop() {
      stopping = true;
      child.kill();
    },
  };
}
