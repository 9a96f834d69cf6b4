// Builds what is missing or older than its sources — the renderer and the CLI's charts with Vite, the Node parts with tsc, the WebAssembly kernels with wabt, the CLI's bundle — for `npm start`, `npm run web`
// and `npm test`'s build step (Node); run as a script, it builds what is stale and exits.
import { existsSync, readFileSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kernelsOutputs, kernelsSource } from './buildWasm.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const fromRoot = (...parts) => join(root, ...parts);

/** The newest modification time among the files under the given paths (folders searched recursively). */
function newestTime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const info = statSync(path);
    if (info.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'node_modules') visit(join(path, name));
    } else newest = Math.max(newest, info.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

/** True when any output is missing or older than any of its sources. */
function isStale(outputs, sources) {
  const newestSource = newestTime(sources);
  return outputs.some((output) => !existsSync(output) || statSync(output).mtimeMs < newestSource);
}

/** Runs a script (a path under node_modules, or an absolute path) with this Node, its output on stderr; exits if it fails. */
function build(what, script, args) {
  process.stderr.write(`Building ${what}…\n`);
  const path = typeof script === 'string' ? script : fromRoot('node_modules', ...script);
  const result = spawnSync(process.execPath, [path, ...args], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    process.stderr.write(`Building ${what} failed.\n`);
    process.exit(result.status ?? 1);
  }
}

/** The top-level folders a TypeScript project's `include` patterns reach ("engine/…" → engine), and the config itself. */
function projectSources(tsconfig) {
  const { include = [] } = JSON.parse(readFileSync(fromRoot(tsconfig), 'utf8'));
  return [...new Set(include.map((pattern) => pattern.split('/')[0]))].map((folder) => fromRoot(folder)).concat(fromRoot(tsconfig));
}

/** Rebuilds the renderer, the Node parts (main, engine, host, CLI), the CLI's server-rendered charts and the WebAssembly kernels where their outputs are stale. */
export function buildWhatIsStale() {
  const configs = ['package.json', 'package-lock.json', 'tsconfig.base.json'].map((name) => fromRoot(name));
  const rendererSources = [...projectSources('tsconfig.renderer.json'), fromRoot('vite.config.ts')];
  if (isStale([fromRoot('dist', 'renderer', 'index.html')], [...rendererSources, ...configs])) {
    build('the renderer', ['vite', 'bin', 'vite.js'], ['build', '--logLevel', 'warn']);
  }
  const nodeSources = projectSources('tsconfig.node.json');
  const nodeOutputs = [
    fromRoot('dist', 'main', 'index.js'),
    fromRoot('dist', 'main', 'preload.cjs'),
    fromRoot('dist', 'engine', 'worker', 'utilityProcessEntry.js'),
    fromRoot('dist', 'engine', 'worker', 'childProcessEntry.js'),
    fromRoot('dist', 'host', 'webHost.js'),
  ];
  // tsc's build state is rewritten by every build that changed anything, while an output whose source did not change keeps its time.
  const buildState = fromRoot('dist', 'tsconfig.node.tsbuildinfo');
  const outputMissing = nodeOutputs.some((output) => !existsSync(output));
  if (outputMissing || isStale([buildState], [...nodeSources, ...configs])) {
    // A composite project's build state would call a deleted output up to date: without it, everything is emitted.
    if (outputMissing) rmSync(buildState, { force: true });
    build('the main process, the engine and the host', ['typescript', 'bin', 'tsc'], ['-p', 'tsconfig.node.json']);
    // tsc leaves its build state alone when no content changed (a file only touched): marks the build as done all the same.
    const now = new Date();
    if (existsSync(buildState)) utimesSync(buildState, now, now);
  }
  const chartSources = ['renderer/charts', 'plots', 'vite.charts.config.ts'].map((name) => fromRoot(name));
  if (isStale([fromRoot('dist', 'charts', 'chartFiles.js')], [...chartSources, ...configs])) {
    build('the charts for the CLI', ['vite', 'bin', 'vite.js'], ['build', '--config', 'vite.charts.config.ts', '--logLevel', 'warn']);
  }
  const wasmSources = [kernelsSource, fromRoot('scripts', 'buildWasm.mjs'), fromRoot('package-lock.json')];
  if (isStale(Object.values(kernelsOutputs), wasmSources)) build('the WebAssembly kernels', fromRoot('scripts', 'buildWasm.mjs'), []);
  if (isStale([fromRoot('dist', 'bin', 'backprop-lab.cjs')], [buildState, fromRoot('scripts', 'bundleCli.mjs')])) {
    process.stderr.write('Bundling the command line…\n');
    const result = spawnSync(process.execPath, [fromRoot('scripts', 'bundleCli.mjs')], { cwd: root, stdio: ['ignore', 2, 2] });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

if (process.argv[1] && fileURLToPath(new URL(import.meta.url)) === process.argv[1]) buildWhatIsStale();
