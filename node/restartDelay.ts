// How long a host waits before starting a fresh engine after crashes in a row (plain Node: the browser host and Electron main).

/** The first restart is immediate; then 250 ms, 500 ms, 1 s, … up to 5 s. */
export function restartDelayMs(crashesInARow: number): number {
  return crashesInARow <= 1 ? 0 : Math.min(5000, 250 * 2 ** (crashesInARow - 2));
}
