// The machine a benchmark ran on: CPU model, cores, memory, operating system and Node (Node).
import { readFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';

/** The CPU's model and flags that matter for SIMD (from /proc/cpuinfo where there is one). */
function cpuFlags() {
  try {
    const flags = /^flags\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.split(' ') ?? [];
    return ['sse4_2', 'avx', 'avx2', 'fma', 'avx512f'].filter((flag) => flags.includes(flag));
  } catch {
    return [];
  }
}

export function machine() {
  const list = cpus();
  return {
    cpu: list[0]?.model ?? 'unknown',
    cores: list.length,
    simd: cpuFlags(),
    memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    v8: process.versions.v8,
    /** The 1, 5 and 15-minute load averages when the run started (other work on the machine slows every peer). */
    loadAverage: loadavg().map((value) => +value.toFixed(2)),
  };
}
