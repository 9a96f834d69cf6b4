// Medians and the steady-state warm-up rule of the benchmark (Node).

/** Seconds of CPU this process has used (every thread: helpers, garbage collection and compilation included) since `since`. */
export function cpuSecondsSince(since) {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs `once` until two successive times are within `tolerance` of each other (at least `min`, at most `max` runs);
 * returns the times seen.
 */
export async function warmUp(once, { min = 2, max = 8, tolerance = 0.1 } = {}) {
  const times = [];
  for (let i = 0; i < max; i++) {
    times.push(await once());
    const n = times.length;
    if (n >= min && Math.abs(times[n - 1] - times[n - 2]) <= tolerance * Math.min(times[n - 1], times[n - 2])) break;
  }
  return times;
}
