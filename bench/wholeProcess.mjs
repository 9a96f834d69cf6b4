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
 * Node reads and parses the certificates NODE_EXTRA_CA_CERTS names before it runs any script (Node 20 does it as it
 * starts, for every process); a shell that sets it for other programs' TLS connections adds that to every Node start.
 * Neither side of a whole-process run opens a connection, so both run without it; the engine is also timed as such a
 * shell starts it.
 */
const CERTIFICATE_VARIABLE = 'NODE_EXTRA_CA_CERTS';
const runEnvironment = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== CERTIFICATE_VARIABLE));

/** The certificate file this shell's environment gives Node, when it gives one. */
export const extraCertificates = process.env[CERTIFICATE_VARIABLE] || undefined;

/**
 * Runs a command to its end; its wall time in seconds and, where GNU time is installed, its CPU time (user and system,
 * every thread, to 10 ms) and peak resident memory.
 */
function timed(command, args, env = runEnvironment) {
  const measure = existsSync(TIME);
  const options = { encoding: 'utf8', env };
  const started = performance.now();
  const result = measure ? spawnSync(TIME, ['-f', 'maxrss %M cpu %U %S', command, ...args], options) : spawnSync(command, args, options);
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

/** The engine's command line as a peer of whole-process tasks, in the runs' environment or in another. */
function engineCommandPeer(name, env) {
  return {
    name,
    kind: 'engine',
    supports: (task) => task.kind === 'process',
    async run(task) {
      const run = timed(process.execPath, [CLI, 'train', '--net', task.text, '--epochs', String(task.epochs), '--json'], env);
      const report = JSON.parse(run.stdout);
      const last = report.history.at(-1);
      return { seconds: run.seconds, cpuSeconds: run.cpuSeconds, peakMemoryBytes: run.peakMemoryBytes, result: { testAccuracy: last.test_accuracy } };
    },
    async close() {},
  };
}

export const engineProcessPeer = engineCommandPeer('engine', runEnvironment);

/** The engine's command line started with this shell's NODE_EXTRA_CA_CERTS, where it sets one. */
export const engineWithCertificatesPeer = extraCertificates ? engineCommandPeer(`engine, with ${CERTIFICATE_VARIABLE}`, process.env) : undefined;

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
