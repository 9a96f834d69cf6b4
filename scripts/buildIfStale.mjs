// Builds what is missing or older than its sources — the renderer and the CLI's charts with Vite, the Node parts with tsc — for `npm start` and `npm run web` (Node).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Runs a package's own command-line script with this Node, its output on stderr; exits if it fails. */
function build(what, script, args) {
  process.stderr.write(`Building ${what}…\n`);
  const result = spawnSync(process.execPath, [fromRoot('node_modules', ...script), ...args], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    process.stderr.write(`Building ${what} failed.\n`);
    process.exit(result.status ?? 1);
  }
}

/** Rebuilds the renderer and the Node parts (main, engine, host, CLI) where their outputs are stale. */
export function buildWhatIsStale() {
  const configs = ['package.json', 'tsconfig.base.json'].map((name) => fromRoot(name));
  const rendererSources = ['renderer', 'engine', 'plots', 'vite.config.ts', 'tsconfig.renderer.json'].map((name) => fromRoot(name));
  if (isStale([fromRoot('dist', 'renderer', 'index.html')], [...rendererSources, ...configs])) {
    build('the renderer', ['vite', 'bin', 'vite.js'], ['build', '--logLevel', 'warn']);
  }
  const nodeSources = ['engine', 'plots', 'host', 'cli', 'main', 'tsconfig.node.json'].map((name) => fromRoot(name));
  const nodeOutputs = [
    fromRoot('dist', 'main', 'index.js'),
    fromRoot('dist', 'main', 'preload.cjs'),
    fromRoot('dist', 'engine', 'worker', 'utilityProcessEntry.js'),
    fromRoot('dist', 'engine', 'worker', 'childProcessEntry.js'),
    fromRoot('dist', 'host', 'webHost.js'),
  ];
  if (isStale(nodeOutputs, [...nodeSources, ...configs])) {
    build('the main process, the engine and the host', ['typescript', 'bin', 'tsc'], ['-p', 'tsconfig.node.json']);
  }
  const chartSources = ['renderer/charts', 'plots', 'vite.charts.config.ts'].map((name) => fromRoot(name));
  if (isStale([fromRoot('dist', 'charts', 'chartFiles.js')], [...chartSources, ...configs])) {
    build('the charts for the CLI', ['vite', 'bin', 'vite.js'], ['build', '--config', 'vite.charts.config.ts', '--logLevel', 'warn']);
  }
}
