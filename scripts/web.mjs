// `npm run web` (Node): builds what is missing or stale (the renderer with Vite, the Node parts with tsc), then runs the browser host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const fromRoot = (...parts) => join(root, ...parts);

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

/** True when the output is missing or older than any of its sources. */
function isStale(output, sources) {
  return !existsSync(output) || statSync(output).mtimeMs < newestTime(sources);
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

const configs = ['package.json', 'tsconfig.base.json'].map((name) => fromRoot(name));
if (isStale(fromRoot('dist', 'renderer', 'index.html'), [fromRoot('renderer'), fromRoot('engine'), fromRoot('vite.config.ts'), ...configs])) {
  build('the renderer', ['vite', 'bin', 'vite.js'], ['build', '--logLevel', 'warn']);
}
const nodeSources = ['engine', 'host', 'cli', 'main', 'tsconfig.node.json'].map((name) => fromRoot(name));
const nodeOutputs = [fromRoot('dist', 'host', 'webHost.js'), fromRoot('dist', 'engine', 'worker', 'childProcessEntry.js')];
if (nodeOutputs.some((output) => isStale(output, [...nodeSources, ...configs]))) {
  build('the engine and the host', ['typescript', 'bin', 'tsc'], ['-p', 'tsconfig.node.json']);
}

// Everything after `npm run web --` (e.g. --port 8080) goes to the host as it is.
const host = spawn(process.execPath, [fromRoot('dist', 'host', 'webHost.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
