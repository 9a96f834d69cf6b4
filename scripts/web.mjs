// `npm run web` (Node): builds what is missing or stale, then runs the browser host.
import { spawn } from 'node:child_process';
import { buildWhatIsStale, fromRoot, root } from './buildIfStale.mjs';

buildWhatIsStale();

// Everything after `npm run web --` (e.g. --port 8080) goes to the host as it is.
const host = spawn(process.execPath, [fromRoot('dist', 'host', 'webHost.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
