// `npm start` (Node): builds what is missing or stale, then opens the desktop app; where the Electron runtime
// cannot be had (not installed and its download fails), says so in one line and serves the lab in the browser.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildWhatIsStale, fromRoot, root } from './buildIfStale.mjs';
import { installedElectron } from './electronRuntime.mjs';

const require = createRequire(import.meta.url);
const forwardedArgs = process.argv.slice(2);

/** How long the one-time download of the Electron runtime may take before the browser is used instead. */
const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;
/** After this long, a still-running download is announced, so a slow network does not look like a hang. */
const DOWNLOAD_NOTICE_MS = 3_000;

/** Runs the electron package's own installer once; resolves to the executable, or to the reason it failed. */
function installElectron() {
  const installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const notice = setTimeout(() => process.stderr.write('Downloading the Electron runtime (once)…\n'), DOWNLOAD_NOTICE_MS);
    const deadline = setTimeout(() => child.kill(), DOWNLOAD_TIMEOUT_MS);
    const finish = (outcome) => {
      clearTimeout(notice);
      clearTimeout(deadline);
      resolve(outcome);
    };
    child.on('error', (error) => finish({ reason: error.message }));
    child.on('exit', (code, signal) => {
      const executable = code === 0 ? installedElectron() : undefined;
      if (executable) return finish({ executable });
      if (signal) return finish({ reason: 'the download took too long' });
      finish({ reason: firstErrorLine(stderr) });
    });
  });
}

/** "TypeError: fetch failed\n    at …" → "fetch failed". */
function firstErrorLine(text) {
  const line =
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l && !l.startsWith('at ')) ?? 'unknown error';
  return line.replace(/^(\w*Error|Error):\s*/, '');
}

/** Runs a child with our stdio, passes Ctrl-C and termination on to it, and exits as it exits; `onStartFailure` if it cannot start. */
function runInForeground(
  command,
  args,
  {
    env = process.env,
    onStartFailure = (error) => {
      throw error;
    },
  } = {},
) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  let failedToStart = false;
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, forward);
  child.on('error', (error) => {
    failedToStart = true;
    for (const signal of ['SIGINT', 'SIGTERM']) process.off(signal, forward);
    onStartFailure(error);
  });
  child.on('exit', (code, signal) => {
    if (!failedToStart) process.exit(code ?? (signal ? 1 : 0));
  });
}

/** The browser host prints the address to open; its output passes through as it is. */
function serveInBrowser(why) {
  process.stderr.write(`${why}; serving the lab in the browser instead.\n`);
  runInForeground(process.execPath, [fromRoot('dist', 'host', 'webHost.js'), ...forwardedArgs], {
    onStartFailure: (error) => {
      process.stderr.write(`The browser host cannot start: ${error.message}\n`);
      process.exit(1);
    },
  });
}

function hasDisplay() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

buildWhatIsStale();

if (!hasDisplay()) {
  serveInBrowser('No display to open the desktop app on (neither DISPLAY nor WAYLAND_DISPLAY is set)');
} else {
  let executable = installedElectron();
  if (!executable) {
    const outcome = await installElectron();
    if (outcome.executable) executable = outcome.executable;
    else serveInBrowser(`The Electron runtime is not installed and cannot be downloaded (${outcome.reason})`);
  }
  if (executable) {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    runInForeground(executable, ['.', ...forwardedArgs], {
      env,
      onStartFailure: (error) => serveInBrowser(`The Electron runtime cannot start (${error.message})`),
    });
  }
}
