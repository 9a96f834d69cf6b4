// Whole-process runs: `backprop-lab train` and the exercise's NumPy script, each timed from start to exit (Node).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assetsDirectory } from '../dist/engine/data/assetFiles.js';

const CLI = fileURLToPath(new URL('../bin/backprop-lab.js', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./exerciseNumpy.py', import.meta.url));
const TIME = '/usr/bin/time';

/**
 * Runs a command to its end; its wall time in seconds and, where GNU time is installed, its CPU time (user and system,
 * every thread, to 10 ms) and peak resident memory.
 */
function timed(command, args) {
  const measure = existsSync(TIME);
  const started = performance.now();
  const result = measure
    ? spawnSync(TIME, ['-f', 'maxrss %M cpu %U %S', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr.trim().split('\n').at(-1)}`);
  const usage = measure ? /maxrss (\d+) cpu ([\d.]+) ([\d.]+)/.exec(result.stderr) : null;
  return {
    seconds,
    cpuSeconds: usage ? Number(usage[2]) + Number(usage[3]) : undefined,
    peakMemoryBytes: usage ? Number(usage[1]) * 1024 : undefined,
    stdout: result.stdout,
  };
}

/** The interpreter `python` runs (a version manager's shim is itself a script, whose start would be counted against NumPy). */
function realInterpreter(python) {
  const result = spawnSync(python, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
  const path = result.status === 0 ? result.stdout.trim() : '';
  return path && existsSync(path) ? path : python;
}

/** The engine's command line as a peer of whole-process tasks. */
export const engineProcessPeer = {
  name: 'engine',
  kind: 'engine',
  supports: (task) => task.kind === 'process',
  async run(task) {
    const run = timed(process.execPath, [CLI, 'train', '--net', task.text, '--epochs', String(task.epochs), '--json']);
    const report = JSON.parse(run.stdout);
    const last = report.history.at(-1);
    return { seconds: run.seconds, cpuSeconds: run.cpuSeconds, peakMemoryBytes: run.peakMemoryBytes, result: { testAccuracy: last.test_accuracy } };
  },
  async close() {},
};

/** The exercise's NumPy script on `python` as a peer of whole-process tasks. */
export function numpyProcessPeer(python) {
  const interpreter = realInterpreter(python);
  return {
    name: 'NumPy',
    kind: 'python',
    supports: (task) => task.kind === 'process',
    async run(task) {
      const run = timed(interpreter, [SCRIPT, join(assetsDirectory(), 'digits.csv'), String(task.epochs), task.name]);
      const row = JSON.parse(run.stdout.trim().split('\n')[0]);
      return { seconds: run.seconds, cpuSeconds: run.cpuSeconds, peakMemoryBytes: run.peakMemoryBytes, result: { testAccuracy: row.test_accuracy } };
    },
    async close() {},
  };
}
