// Gives the host's event loop a turn (so messages such as "stop" are handled) without any host-specific import; pure, any process.

interface TimerGlobals {
  setImmediate?: (callback: () => void) => unknown;
  setTimeout?: (callback: () => void, milliseconds: number) => unknown;
}

/** Resolves after pending I/O has had a turn: setImmediate where there is one (Node), else setTimeout 0. */
export function yieldToEventLoop(): Promise<void> {
  const timers = globalThis as TimerGlobals;
  return new Promise((resolve) => {
    if (timers.setImmediate) timers.setImmediate(resolve);
    else if (timers.setTimeout) timers.setTimeout(resolve, 0);
    else resolve();
  });
}
