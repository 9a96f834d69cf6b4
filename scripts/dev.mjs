// `npm run dev` (Node): the lab in the browser with hot reload — Vite's dev server for the renderer, its /engine WebSocket
// passed on to the browser host, and the Node parts recompiled on change (tsc -w). Each connection forks its own engine
// from dist/, so a new connection runs the rebuilt engine; the host itself restarts when its own code was rebuilt.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createServer } from 'vite';
import { buildWhatIsStale, fromRoot, root } from './buildIfStale.mjs';

const LOOPBACK = '127.0.0.1';
const hostEntry = fromRoot('dist', 'host', 'webHost.js');
const say = (line) => process.stderr.write(`dev: ${line}\n`);

/** Every compiled file the host process loads: its entry and, through relative imports, all they import. */
function hostFiles() {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(/\b(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) visit(resolve(dirname(file), specifier));
  };
  visit(hostEntry);
  return [...seen].sort();
}

/** A digest of the host's compiled code, to tell whether a rebuild changed it. */
function hostFingerprint() {
  const hash = createHash('sha256');
  for (const file of hostFiles()) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
}

/** The browser host on a fixed loopback port (0 the first time); resolves to the port once it prints its address. */
function startHost(port) {
  const child = spawn(process.execPath, [hostEntry, '--port', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise((resolvePort, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) resolvePort(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`the browser host exited with code ${code}`)));
  });
  return { child, ready };
}

function stopChild(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGTERM');
  return exited;
}

buildWhatIsStale();

let host = startHost(0);
const hostPort = await host.ready;
let hostCode = hostFingerprint();

/** The dev server's own origins: the only pages whose WebSocket may reach the engine. */
const devOrigins = new Set();
const vite = await createServer({
  configFile: fromRoot('vite.config.ts'),
  server: {
    host: LOOPBACK,
    port: 5173,
    proxy: {
      '/engine': {
        target: `http://${LOOPBACK}:${hostPort}`,
        ws: true,
        changeOrigin: true,
        // The host accepts only its own origin; this page's origin stands in for it, and no other page's does.
        rewriteWsOrigin: true,
        bypass: (request) => (devOrigins.has(request.headers.origin ?? '') ? undefined : false),
      },
    },
  },
});
await vite.listen();
const { port } = vite.httpServer.address();
for (const name of [LOOPBACK, 'localhost']) devOrigins.add(`http://${name}:${port}`);

// tsc's initial compile finds the fresh build up to date; every later "Watching for file changes" follows a rebuild.
const tsc = spawn(process.execPath, [fromRoot('node_modules', 'typescript', 'bin', 'tsc'), '-w', '-p', 'tsconfig.node.json', '--preserveWatchOutput'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
let compiles = 0;
let restarting = Promise.resolve();
tsc.stdout.setEncoding('utf8');
tsc.stdout.on('data', (text) => {
  for (const line of text.split('\n')) {
    if (/error TS\d+/.test(line)) process.stderr.write(`${line}\n`);
    const done = /Found (\d+) errors?\. Watching for file changes/.exec(line);
    if (!done) continue;
    if (compiles++ === 0) continue;
    const errors = Number(done[1]);
    const code = hostFingerprint();
    if (code === hostCode) {
      say(`rebuilt the Node parts${errors ? ` with ${errors} type errors` : ''}; new connections get the new engine`);
      continue;
    }
    hostCode = code;
    say(`rebuilt the Node parts${errors ? ` with ${errors} type errors` : ''}; restarting the browser host, as its own code changed`);
    restarting = restarting.then(async () => {
      await stopChild(host.child);
      host = startHost(hostPort);
      await host.ready.catch((error) => say(error.message));
    });
  }
});

console.log(`Backprop Lab (dev) is running at http://${LOOPBACK}:${port}/ — Ctrl-C stops it`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([stopChild(tsc), stopChild(host.child), vite.close()]);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
