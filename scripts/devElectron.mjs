// `npm run dev:electron` (Node): the desktop app with hot reload — Vite's dev server for the renderer page, the Node
// parts recompiled on change (tsc -w), and Electron loading the dev server's page. The engine's utility process runs
// the rebuilt engine when it next starts; a change to main/ or the preload needs a restart of this command.
import { spawn } from 'node:child_process';
import { createServer } from 'vite';
import { buildWhatIsStale, fromRoot, root } from './buildIfStale.mjs';
import { installedElectron } from './electronRuntime.mjs';

const LOOPBACK = '127.0.0.1';
const say = (line) => process.stderr.write(`dev:electron: ${line}\n`);

const executable = installedElectron();
if (!executable) {
  say('the Electron runtime is not installed; run npm start once to download it (or use npm run dev in the browser)');
  process.exit(1);
}

buildWhatIsStale();

const vite = await createServer({ configFile: fromRoot('vite.config.ts'), server: { host: LOOPBACK, port: 5173 } });
await vite.listen();
const { port } = vite.httpServer.address();
const pageUrl = `http://${LOOPBACK}:${port}/`;

const tsc = spawn(process.execPath, [fromRoot('node_modules', 'typescript', 'bin', 'tsc'), '-w', '-p', 'tsconfig.node.json', '--preserveWatchOutput'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});

const env = { ...process.env, BACKPROP_LAB_DEV_URL: pageUrl };
delete env.ELECTRON_RUN_AS_NODE;
const electron = spawn(executable, ['.'], { cwd: root, stdio: 'inherit', env });
say(`Electron loads ${pageUrl}; edits to renderer/ show at once — Ctrl-C or closing the window stops it`);

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of [tsc, electron]) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await vite.close();
  process.exit(code);
}
electron.on('exit', (code) => void stop(code ?? 0));
electron.on('error', (error) => {
  say(`Electron cannot start: ${error.message}`);
  void stop(1);
});
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
