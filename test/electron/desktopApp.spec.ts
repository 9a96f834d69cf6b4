// Electron (Playwright's Electron support, test runner): the desktop app's locked-down window, a run trained through
// the UI with the engine in its utility process, and recovery after that process is killed. Skips where Electron is absent.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINE_SERVICE_NAME } from '../../main/engineServiceName.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The Electron executable if its binary is installed; never require('electron') without it, since that starts a download. */
function installedElectron(): string | undefined {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile) && !override) return undefined;
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron';
  const executable = path.join(override ?? path.join(packageDir, 'dist'), relative);
  return existsSync(executable) ? executable : undefined;
}

const executablePath = installedElectron();
const hasDisplay = process.platform !== 'linux' || Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']);

/** Why this file cannot run here, if it cannot: said once on the console and attached to every skipped test. */
const skipReason = !executablePath
  ? 'Electron tests skipped: the Electron binary is not installed (node_modules/electron has no dist/). Run `node node_modules/electron/install.js` where its download server can be reached, then run them again.'
  : !hasDisplay
    ? 'Electron tests skipped: Electron needs a display and neither DISPLAY nor WAYLAND_DISPLAY is set; run them under xvfb-run.'
    : undefined;
if (skipReason) console.warn(skipReason);
test.skip(skipReason !== undefined, skipReason);
test.describe.configure({ mode: 'serial' });

/** What the page recorded through window.lab: engine statuses and finished runs. */
interface Recorded {
  statuses: string[];
  finished: { reason: string; epochs: number }[];
}

type LabWindow = Window & { lab?: import('../../engine/protocol.js').LabHost; recorded?: Recorded };

let app: ElectronApplication;
let page: Page;

test.beforeAll(async () => {
  for (const built of ['dist/main/index.js', 'dist/main/preload.cjs', 'dist/engine/worker/utilityProcessEntry.js', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(root, built))) throw new Error(`${built} is missing: run "npm run build" first`);
  }
  app = await electron.launch({
    executablePath,
    // On Linux the chrome-sandbox helper that npm installs is not setuid root, so Chromium's OS sandbox cannot start;
    // the renderer's own sandbox (webPreferences.sandbox, checked below) does not depend on it.
    args: [...(process.platform === 'linux' ? ['--no-sandbox'] : []), root],
    cwd: root,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  // Everything the engine says to the page, seen as the renderer sees it, through window.lab itself.
  await page.evaluate(() => {
    const lab = (window as LabWindow).lab!;
    const recorded: Recorded = { statuses: [], finished: [] };
    (window as LabWindow).recorded = recorded;
    lab.onStatus((status) => recorded.statuses.push(status.state));
    lab.onEvent((event) => {
      if (event.type === 'train.finished') recorded.finished.push({ reason: event.reason, epochs: event.history.length });
    });
  });
});

test.afterAll(async () => {
  await app?.close();
});

/** The engine's process id, from Electron's own list of its processes. */
async function enginePid(): Promise<number | undefined> {
  return app.evaluate(({ app: electronApp }, name) => electronApp.getAppMetrics()
    .find((metric) => metric.type === 'Utility' && (metric.name === name || metric.serviceName === name))?.pid, ENGINE_SERVICE_NAME);
}

const recorded = () => page.evaluate(() => (window as LabWindow).recorded!);

/** Fills the Training form (the exercise's network on digits-binary) and presses Train. */
async function train(epochs: number): Promise<void> {
  await page.getByLabel('Data set').selectOption('digits-binary');
  await page.getByLabel('Network preset').selectOption({ label: '64-32-ReLU-1-Sigmoid' });
  await page.getByLabel('Epochs').fill(String(epochs));
  await page.getByLabel('Learning rate').fill('0.01');
  await page.getByLabel('Minibatch size').fill('10');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
}

test('opens one window titled Backprop Lab whose renderer is sandboxed, context-isolated and without Node', async () => {
  const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((window) => {
    // getLastWebPreferences is not in Electron's type definitions, but it is what the window really runs with.
    const preferences = (window.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
    return {
      title: window.getTitle(),
      contextIsolation: preferences['contextIsolation'],
      sandbox: preferences['sandbox'],
      nodeIntegration: preferences['nodeIntegration'],
      webSecurity: preferences['webSecurity'],
    };
  }));
  expect(windows).toEqual([{ title: 'Backprop Lab', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true }]);
});

test('gives the page window.lab as the Electron host and nothing of Node', async () => {
  const globals = await page.evaluate(() => ({
    lab: typeof (window as LabWindow).lab,
    kind: (window as LabWindow).lab?.kind,
    functions: ['send', 'onEvent', 'onStatus'].map((name) => typeof (window as unknown as Record<string, Record<string, unknown>>)['lab']?.[name]),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (globalThis as unknown as { process?: unknown }).process,
  }));
  expect(globals).toEqual({ lab: 'object', kind: 'electron', functions: ['function', 'function', 'function'], require: 'undefined', process: 'undefined' });
});

test('refuses to open a new window from the page', async () => {
  const opened = await page.evaluate(() => window.open('https://example.org/') === null);
  expect(opened).toBe(true);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('trains the exercise network for three epochs from the Training view and shows the final accuracy', async () => {
  await page.getByRole('navigation', { name: 'Labs' }).getByRole('button', { name: /Training/ }).click();
  await train(3);
  await expect(page.getByTestId('final-accuracy')).toContainText('Final test accuracy');
  await expect(page.getByTestId('final-accuracy')).toContainText('completed 3 epochs');
  await expect(page.getByRole('progressbar', { name: 'Training progress' })).toHaveJSProperty('value', 3);
  expect((await recorded()).finished).toEqual([{ reason: 'completed', epochs: 3 }]);
});

test('marks the run failed when the engine process is killed mid-run, starts a fresh engine, and trains again', async () => {
  const killedPid = await enginePid();
  expect(killedPid).toEqual(expect.any(Number));
  const statusesBefore = (await recorded()).statuses.length;

  await train(100_000);
  const progress = page.getByRole('progressbar', { name: 'Training progress' });
  await expect.poll(() => progress.evaluate((bar) => (bar as HTMLProgressElement).value)).toBeGreaterThanOrEqual(1);
  process.kill(killedPid!, 'SIGKILL');

  await expect(page.getByRole('alert').filter({ hasText: 'Run failed' })).toContainText('engine');
  await expect.poll(async () => (await recorded()).statuses.slice(statusesBefore)).toEqual(['crashed', 'ready']);
  const freshPid = await enginePid();
  expect(freshPid).toEqual(expect.any(Number));
  expect(freshPid).not.toBe(killedPid);

  await train(3);
  await expect.poll(async () => (await recorded()).finished).toEqual([
    { reason: 'completed', epochs: 3 },
    { reason: 'completed', epochs: 3 },
  ]);
  await expect(page.getByTestId('final-accuracy')).toContainText('completed 3 epochs');
});
