// Electron (Playwright's Electron support, test runner): the desktop app's locked-down window on app://lab/, saving files through a
// (stubbed) save dialog, a run trained through the UI with the engine in its utility process, and recovery after that
// process is killed. Skips where Electron is absent.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINE_SERVICE_NAME } from '../../main/engineServiceName.js';
import { fashionInstalled, FASHION_FOLDER, writeIdxFolder } from '../engine/support/idxFolder.js';

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

type LabWindow = Window & { lab?: import('../../contract/labHost.js').LabHost; recorded?: Recorded };

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
  return app.evaluate(
    ({ app: electronApp }, name) =>
      electronApp.getAppMetrics().find((metric) => metric.type === 'Utility' && (metric.name === name || metric.serviceName === name))?.pid,
    ENGINE_SERVICE_NAME,
  );
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
  const windows = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((window) => {
      // getLastWebPreferences is not in Electron's type definitions, but it is what the window really runs with.
      const preferences = (window.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
      return {
        title: window.getTitle(),
        contextIsolation: preferences['contextIsolation'],
        sandbox: preferences['sandbox'],
        nodeIntegration: preferences['nodeIntegration'],
        webSecurity: preferences['webSecurity'],
      };
    }),
  );
  expect(windows).toEqual([{ title: 'Backprop Lab', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true }]);
});

test('gives the page window.lab as the Electron host and nothing of Node', async () => {
  const globals = await page.evaluate(() => ({
    lab: typeof (window as LabWindow).lab,
    kind: (window as LabWindow).lab?.kind,
    functions: ['send', 'onEvent', 'onStatus', 'saveFile'].map((name) => typeof (window as unknown as Record<string, Record<string, unknown>>)['lab']?.[name]),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (globalThis as unknown as { process?: unknown }).process,
  }));
  expect(globals).toEqual({
    lab: 'object',
    kind: 'electron',
    functions: ['function', 'function', 'function', 'function'],
    require: 'undefined',
    process: 'undefined',
  });
});

test('loads the page from app://lab/, whose policy lets it reach no network origin, not even a local WebSocket', async () => {
  expect(page.url()).toBe('app://lab/index.html');
  const blocked = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
        try {
          new WebSocket('ws://127.0.0.1:9/');
        } catch {
          violations.push('connect-src (thrown)');
        }
        fetch('http://127.0.0.1:9/').catch(() => undefined);
        setTimeout(() => resolve(violations), 500);
      }),
  );
  expect(blocked.length).toBeGreaterThanOrEqual(2);
  expect(blocked.every((directive) => directive.startsWith('connect-src'))).toBe(true);
  const outside = await page.evaluate(() => fetch('app://lab/../main/index.js').then((response) => response.status));
  expect(outside).not.toBe(200);
});

test('refuses to open a new window from the page', async () => {
  const opened = await page.evaluate(() => window.open('https://example.org/') === null);
  expect(opened).toBe(true);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

/** What the stubbed save dialog was asked: whether it had the window as parent, and its options. */
interface DialogCall {
  parentIsWindow: boolean;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
  properties: string[];
}

/** Replaces dialog.showSaveDialog in main: it answers `filePath` (or a cancel when null) and records each call. */
async function stubSaveDialog(filePath: string | null): Promise<void> {
  await app.evaluate(({ dialog, BrowserWindow }, answer) => {
    const state = globalThis as unknown as { saveDialogCalls: unknown[]; originalShowSaveDialog?: typeof dialog.showSaveDialog };
    state.originalShowSaveDialog ??= dialog.showSaveDialog;
    state.saveDialogCalls = [];
    dialog.showSaveDialog = (async (...args: unknown[]) => {
      const options = args.at(-1) as Electron.SaveDialogOptions;
      state.saveDialogCalls.push({
        parentIsWindow: args.length === 2 && args[0] instanceof BrowserWindow,
        defaultPath: options.defaultPath,
        filters: options.filters,
        properties: options.properties,
      });
      return answer === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: answer };
    }) as typeof dialog.showSaveDialog;
  }, filePath);
}

const dialogCalls = () => app.evaluate(() => (globalThis as unknown as { saveDialogCalls: DialogCall[] }).saveDialogCalls);

/** Asks window.lab to save `text` as bytes under `suggestedName`. */
function saveText(suggestedName: string, text: string) {
  return page.evaluate(
    ([name, contents]) =>
      (window as LabWindow).lab!.saveFile({
        suggestedName: name!,
        mime: 'application/json',
        bytes: new TextEncoder().encode(contents),
      }),
    [suggestedName, text],
  );
}

test.describe('saving a file through window.lab.saveFile', () => {
  let folder: string;
  test.beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'backprop-lab-save-'));
  });
  test.afterAll(async () => {
    await app.evaluate(({ dialog }) => {
      const state = globalThis as unknown as { originalShowSaveDialog?: typeof dialog.showSaveDialog };
      if (state.originalShowSaveDialog) dialog.showSaveDialog = state.originalShowSaveDialog;
    });
    rmSync(folder, { recursive: true, force: true });
  });

  test('asks where with a save dialog on the window (a safe name in Documents, a filter for its type) and writes the bytes there', async () => {
    const target = path.join(folder, 'chosen.json');
    await stubSaveDialog(target);
    expect(await saveText('../../somewhere/else/run-1-weights.json', '{"layers":[]}\n')).toEqual({ state: 'saved', where: target });
    expect(readFileSync(target, 'utf8')).toBe('{"layers":[]}\n');
    const documents = await app.evaluate(({ app: electronApp }) => electronApp.getPath('documents'));
    expect(await dialogCalls()).toEqual([
      {
        parentIsWindow: true,
        defaultPath: path.join(documents, 'run-1-weights.json'),
        filters: [
          { name: 'JSON file', extensions: ['json'] },
          { name: 'All files', extensions: ['*'] },
        ],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      },
    ]);
  });

  test('replaces an existing file whole, leaves no temporary file, and opens the next dialog in the same folder', async () => {
    const target = path.join(folder, 'metrics.csv');
    writeFileSync(target, 'old contents that are longer than the new ones\n');
    await stubSaveDialog(target);
    expect(await saveText('metrics.csv', 'epoch\n1\n')).toEqual({ state: 'saved', where: target });
    expect(readFileSync(target, 'utf8')).toBe('epoch\n1\n');
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect((await dialogCalls())[0]!.defaultPath).toBe(path.join(folder, 'metrics.csv'));
  });

  test('answers cancelled when the dialog is closed, and writes nothing', async () => {
    const before = readdirSync(folder).sort();
    await stubSaveDialog(null);
    expect(await saveText('model.onnx', 'x')).toEqual({ state: 'cancelled' });
    expect(readdirSync(folder).sort()).toEqual(before);
  });

  test('answers failed in a sentence when the place cannot be written, and leaves what was there whole', async () => {
    const target = path.join(folder, 'a-folder.json');
    mkdirSync(target);
    writeFileSync(path.join(target, 'inside.txt'), 'kept');
    await stubSaveDialog(target);
    const result = await saveText('a-folder.json', '{}');
    expect(result).toEqual({ state: 'failed', message: expect.stringMatching(/^Could not save a-folder\.json: .+\.$/) });
    expect(readFileSync(path.join(target, 'inside.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('refuses a request that is not a name, a media type and bytes, without opening a dialog', async () => {
    await stubSaveDialog(path.join(folder, 'never.json'));
    const results = await page.evaluate(async () => {
      const lab = (window as LabWindow).lab!;
      const ask = (file: unknown) => lab.saveFile(file as Parameters<typeof lab.saveFile>[0]);
      return Promise.all([
        ask({ suggestedName: 'a.json', mime: 'application/json', bytes: [1, 2, 3] }),
        ask({ suggestedName: 42, mime: 'application/json', bytes: new Uint8Array(1) }),
        ask({ suggestedName: 'a.json', bytes: new Uint8Array(1) }),
        ask(null),
      ]);
    });
    for (const result of results) expect(result).toEqual({ state: 'failed', message: expect.stringMatching(/^Could not save: .+\.$/) });
    expect(await dialogCalls()).toEqual([]);
    expect(existsSync(path.join(folder, 'never.json'))).toBe(false);
  });
});

test('trains the exercise network for three epochs from the Training view and shows the final accuracy', async () => {
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Training/ })
    .click();
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
  await expect
    .poll(async () => (await recorded()).finished)
    .toEqual([
      { reason: 'completed', epochs: 3 },
      { reason: 'completed', epochs: 3 },
    ]);
  await expect(page.getByTestId('final-accuracy')).toContainText('completed 3 epochs');
});

test.describe('choosing a folder of image files with the folder dialog', () => {
  let folder: string;
  test.beforeAll(async () => {
    test.skip(!fashionInstalled(), `skipped: Debian's Fashion-MNIST files are not installed in ${FASHION_FOLDER}`);
    folder = path.join(mkdtempSync(path.join(tmpdir(), 'backprop-lab-idx-')), 'small-fashion');
    await writeIdxFolder(folder, { train: 300, test: 100, gzip: true });
  });
  test.afterAll(async () => {
    await app.evaluate(({ dialog }) => {
      const state = globalThis as unknown as { originalShowOpenDialog?: typeof dialog.showOpenDialog };
      if (state.originalShowOpenDialog) dialog.showOpenDialog = state.originalShowOpenDialog;
    });
    if (folder) rmSync(path.dirname(folder), { recursive: true, force: true });
  });

  /** Replaces dialog.showOpenDialog in main: it answers `chosen` (or a cancel when null) and records each call's options. */
  const stubOpenDialog = (chosen: string | null) =>
    app.evaluate(({ dialog, BrowserWindow }, answer) => {
      const state = globalThis as unknown as { openDialogCalls: unknown[]; originalShowOpenDialog?: typeof dialog.showOpenDialog };
      state.originalShowOpenDialog ??= dialog.showOpenDialog;
      state.openDialogCalls = [];
      dialog.showOpenDialog = (async (...args: unknown[]) => {
        const options = args.at(-1) as Electron.OpenDialogOptions;
        state.openDialogCalls.push({
          parentIsWindow: args.length === 2 && args[0] instanceof BrowserWindow,
          properties: options.properties,
          defaultPath: options.defaultPath,
        });
        return answer === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [answer] };
      }) as typeof dialog.showOpenDialog;
    }, chosen);
  const openDialogCalls = () =>
    app.evaluate(
      () => (globalThis as unknown as { openDialogCalls: { parentIsWindow: boolean; properties: string[]; defaultPath?: string }[] }).openDialogCalls,
    );

  test('opens the folder dialog when "Open image files…" is chosen and reads the folder chosen there', async () => {
    await page
      .getByRole('navigation', { name: 'Labs' })
      .getByRole('button', { name: /Training/ })
      .click();
    await page.getByLabel('Data set').selectOption('digits');
    await stubOpenDialog(folder);
    await page.getByLabel('Data set').selectOption('images:folder');
    await expect(page.getByLabel('Folder of image files')).toHaveValue(folder);
    await expect(page.getByTestId('data-summary')).toHaveText('784 features · 300 training and 100 test samples · 10 classes');
    const calls = await openDialogCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ parentIsWindow: true, properties: ['openDirectory', 'dontAddToRecent'] });
  });

  test('leaves the previous choice as it was when the folder dialog is cancelled, from the menu or the button', async () => {
    await stubOpenDialog(null);
    await page.getByRole('button', { name: 'Choose folder…' }).click();
    await expect.poll(async () => (await openDialogCalls()).length).toBe(1);
    expect((await openDialogCalls())[0]!.defaultPath).toBe(folder);
    await expect(page.getByLabel('Folder of image files')).toHaveValue(folder);
    await page.getByLabel('Data set').selectOption('digits');
    await page.getByLabel('Data set').selectOption('images:folder');
    await expect.poll(async () => (await openDialogCalls()).length).toBe(2);
    await expect(page.getByLabel('Data set')).toHaveValue('digits');
    await expect(page.getByTestId('data-summary')).toContainText('64 features');
  });
});

test('has the File, Edit, View and Help menus, their shortcuts shown from the command table, and sends a clicked command to the page', async () => {
  const menu = await app.evaluate(({ Menu }) =>
    Menu.getApplicationMenu()!.items.map((item) => ({
      label: item.label,
      items: item.submenu?.items.map((sub) => ({ label: sub.label, accelerator: sub.accelerator ?? null })) ?? [],
    })),
  );
  const file = menu.find((item) => item.label === 'File')!;
  expect(file.items.map((item) => item.label).filter(Boolean)).toEqual(
    expect.arrayContaining(['New Project', 'Open…', 'Open Recent', 'Save', 'Save As…', 'Export…']),
  );
  expect(file.items.find((item) => item.label === 'Save')!.accelerator).toBe('CmdOrCtrl+S');
  expect(menu.map((item) => item.label)).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
  expect(menu.find((item) => item.label === 'View')!.items.map((item) => item.label)).toEqual(expect.arrayContaining(['Optimizer', 'Export', 'Theme']));

  await app.evaluate(({ Menu }) => Menu.getApplicationMenu()!.getMenuItemById('lab-1')!.click());
  await expect(page.getByRole('main')).toHaveAccessibleName('Optimizer lab');
  await app.evaluate(({ Menu }) => Menu.getApplicationMenu()!.getMenuItemById('shortcuts')!.click());
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await app.evaluate(({ Menu }) => Menu.getApplicationMenu()!.getMenuItemById('lab-4')!.click());
});

test('asks from main before a reload loses unsaved runs: Stay keeps them, Close Without Saving lets the page go', async () => {
  await expect(page.getByRole('region', { name: 'Run history' })).toContainText('#1');
  const answer = (response: number) =>
    app.evaluate(({ dialog }, value) => {
      const state = globalThis as unknown as { leaveQuestions: string[] };
      state.leaveQuestions ??= [];
      dialog.showMessageBoxSync = ((...args: unknown[]) => {
        state.leaveQuestions.push((args.at(-1) as Electron.MessageBoxOptions).title ?? '');
        return value;
      }) as typeof dialog.showMessageBoxSync;
    }, response);
  const questions = () => app.evaluate(() => (globalThis as unknown as { leaveQuestions: string[] }).leaveQuestions);

  await answer(1);
  await page.evaluate(() => window.location.reload());
  await expect.poll(questions).toEqual(['Unsaved work']);
  await expect(page.getByRole('region', { name: 'Run history' })).toContainText('#1');

  await answer(0);
  await Promise.all([page.waitForEvent('load'), page.evaluate(() => window.location.reload()).catch(() => undefined)]);
  expect(await questions()).toEqual(['Unsaved work', 'Unsaved work']);
  await expect(page.getByRole('navigation', { name: 'Labs' })).toBeVisible();
});
