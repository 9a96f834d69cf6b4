// End to end (Chromium against the browser host): nothing lost — each lab keeps its work across lab switches, and unsaved work is asked about or kept for after a crash.
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './labFixture.js';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Labs' });
const goTo = (page: Page, lab: RegExp) => nav(page).getByRole('button', { name: lab }).click();
const historyList = (page: Page) => page.getByRole('region', { name: 'Run history' });

/** Trains a 2-epoch iris run in the Training lab and waits for its result. */
async function trainShortRun(page: Page): Promise<void> {
  await goTo(page, /Training/);
  await page.getByLabel('Data set').selectOption('iris');
  const network = page.getByLabel('Network preset');
  await expect(network.locator('option:checked')).toHaveText('For iris: 4-32-ReLU-3-Softmax');
  await expect(network).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Epochs').fill('2');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/completed 2 epochs/i, { timeout: 60_000 });
}

/** Saves the project from the Export lab and returns the downloaded file's path. */
async function saveProject(page: Page, folder: string): Promise<string> {
  await goTo(page, /Export/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save project' }).click()]);
  const path = join(folder, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

test('every lab keeps its work while the others are shown', async ({ page, labUrl }, testInfo) => {
  await page.goto(labUrl);
  await goTo(page, /Optimizer/);
  await page.getByRole('button', { name: 'Step 0.1 × 10 steps' }).click();
  await expect(page.getByTestId('final-value')).toContainText(/= 1\.29676/);
  await page.getByLabel('Steps').fill('25');

  await goTo(page, /Gradients/);
  await page.getByRole('combobox', { name: 'Function' }).selectOption('tanh');
  await page.getByLabel('Subject').selectOption('layer');
  await page.getByLabel('Backward pass').selectOption('exercise-db');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('gradcheck-summary')).toContainText('1 of 3 checks failed');

  await goTo(page, /Network builder/);
  await page.getByRole('button', { name: 'Load preset 64-1-Sigmoid' }).click();
  await page.getByRole('button', { name: 'Add ReLU layer' }).click();
  await expect(page.getByRole('list', { name: /Layers/ }).getByRole('group')).toHaveCount(3);

  await goTo(page, /Training/);
  await page.getByLabel('Data set').selectOption('iris');
  await page.getByLabel('Epochs').fill('7');

  for (let round = 0; round < 2; round++) {
    await goTo(page, /Optimizer/);
    await expect(page.getByTestId('final-value')).toContainText(/= 1\.29676/);
    await expect(page.getByLabel('Steps')).toHaveValue('25');
    await expect(page.getByRole('group', { name: /^Contour plot of/ }).locator('.descent-path')).toHaveCount(1);

    await goTo(page, /Gradients/);
    await expect(page.getByRole('combobox', { name: 'Function' })).toHaveValue('tanh');
    await expect(page.getByLabel('Backward pass')).toHaveValue('exercise-db');
    await expect(page.getByTestId('gradcheck-summary')).toContainText('1 of 3 checks failed');

    await goTo(page, /Network builder/);
    await expect(page.getByRole('list', { name: /Layers/ }).getByRole('group')).toHaveCount(3);

    await goTo(page, /Training/);
    await expect(page.getByLabel('Data set')).toHaveValue('iris');
    await expect(page.getByLabel('Epochs')).toHaveValue('7');
    await goTo(page, /Export/);
  }
  await goTo(page, /Optimizer/);
  await page.screenshot({ path: testInfo.outputPath('optimizer-kept-1280.png'), fullPage: true });
});

test("a saved project brings back every lab's work after a reload: paths, checks, your activation, the builder's layers, the Training form and the runs", async ({
  page,
  labUrl,
}, testInfo) => {
  await page.goto(labUrl);
  await goTo(page, /Optimizer/);
  await page.getByRole('button', { name: 'Step 0.1 × 10 steps' }).click();
  await expect(page.getByTestId('final-value')).toContainText(/= 1\.29676/);
  await page.getByLabel('Log scale for f').check();

  await goTo(page, /Gradients/);
  await page.getByRole('combobox', { name: 'Function' }).selectOption('tanh');
  await page.getByLabel('Subject').selectOption('layer');
  await page.getByLabel('Backward pass').selectOption('exercise-db');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('gradcheck-summary')).toContainText('1 of 3 checks failed');
  await page.getByLabel('Activation name').fill('softsign');
  await page.getByLabel('Your f(x)').fill('x/(1+abs(x))');
  await page.getByLabel('Your f′(x) (optional)').fill('1/(1+abs(x))^2');
  await page.getByRole('button', { name: 'Check f′' }).click();
  await page.getByTestId('own-verdict').getByRole('button', { name: 'Use as a layer' }).click();
  await expect(page.getByRole('list', { name: 'Your activations' })).toContainText('softsign');

  await goTo(page, /Network builder/);
  await page.getByRole('button', { name: 'Load preset 64-1-Sigmoid' }).click();
  await page.getByRole('button', { name: 'Add your softsign layer' }).click();
  await expect(page.getByRole('list', { name: /Layers/ }).getByRole('group')).toHaveCount(3);

  await trainShortRun(page);
  await page.getByLabel('Epochs').fill('9');

  const file = await saveProject(page, testInfo.outputPath());
  const saved = JSON.parse(await readFile(file, 'utf8'));
  expect(saved).toMatchObject({
    version: 3,
    runs: [{ dataSet: 'iris' }],
    activations: [{ name: 'softsign', f: 'x/(1+abs(x))', df: '1/(1+abs(x))^2' }],
    labs: { optimizer: { surface: 'exercise', logScale: true }, gradients: { explorer: { functionId: 'tanh' } }, training: { form: { epochs: 9 } } },
  });
  expect(saved.labs.optimizer.runs).toHaveLength(1);
  expect(saved.labs.builder.cards).toHaveLength(3);

  // Nothing is unsaved, so the reload does not ask; it starts afresh, and opening the file brings everything back.
  await page.reload();
  await goTo(page, /Export/);
  await page.getByLabel('Open project…').setInputFiles(file);
  await expect(page.getByRole('status', { name: 'Project status' })).toHaveText(/^Opened .*: 1 run and the network/);

  await goTo(page, /Optimizer/);
  await expect(page.getByTestId('final-value')).toContainText(/= 1\.29676/);
  await expect(page.getByRole('group', { name: /^Contour plot of/ }).locator('.descent-path')).toHaveCount(1);
  await expect(page.getByLabel('Log scale for f')).toBeChecked();
  await goTo(page, /Gradients/);
  await expect(page.getByRole('combobox', { name: 'Function' })).toHaveValue('tanh');
  await expect(page.getByLabel('Backward pass')).toHaveValue('exercise-db');
  await expect(page.getByTestId('gradcheck-summary')).toContainText('1 of 3 checks failed');
  // Each entry's error comes back too: the db stripe of the heatmap.
  const heatmap = page.getByRole('img', { name: 'Relative error of each entry of the checked gradients' });
  await expect(heatmap.locator('g.block[data-name="db"] rect.cell.failing')).toHaveCount(4);
  await expect(page.getByRole('list', { name: 'Your activations' })).toContainText('softsign');
  await goTo(page, /Network builder/);
  await expect(page.getByRole('list', { name: /Layers/ }).getByRole('group')).toHaveCount(3);
  await expect(page.getByTestId('palette-own-softsign')).toBeVisible();
  await goTo(page, /Training/);
  await expect(page.getByLabel('Data set')).toHaveValue('iris');
  await expect(page.getByLabel('Epochs')).toHaveValue('9');
  await expect(historyList(page)).toContainText('#1 iris');
});

test('a reload with unsaved runs asks first; once the project is saved it does not', async ({ page, labUrl }, testInfo) => {
  await page.goto(labUrl);
  await trainShortRun(page);

  const asked = page.waitForEvent('dialog');
  const reloading = page.evaluate(() => window.location.reload()).catch(() => undefined);
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  await reloading;
  // Staying keeps everything.
  await expect(historyList(page)).toContainText('#1 iris');

  await saveProject(page, testInfo.outputPath());
  let promptedAgain = false;
  page.on('dialog', (d) => {
    promptedAgain = true;
    void d.accept();
  });
  await page.reload();
  await expect(nav(page)).toBeVisible();
  expect(promptedAgain).toBe(false);
});

test('an activation of your own not yet saved is unsaved work: a reload asks first, and Open names it', async ({ page, labUrl }, testInfo) => {
  await page.goto(labUrl);
  const saved = await saveProject(page, testInfo.outputPath());
  await goTo(page, /Gradients/);
  await page.getByLabel('Activation name').fill('softsign');
  await page.getByLabel('Your f(x)').fill('x/(1+abs(x))');
  await page.getByRole('button', { name: 'Check f′' }).click();
  await page.getByTestId('own-verdict').getByRole('button', { name: 'Use as a layer' }).click();
  await expect(page.getByRole('list', { name: 'Your activations' })).toContainText('softsign');

  const asked = page.waitForEvent('dialog');
  const reloading = page.evaluate(() => window.location.reload()).catch(() => undefined);
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  await reloading;
  await expect(page.getByRole('list', { name: 'Your activations' })).toContainText('softsign');

  await goTo(page, /Export/);
  await page.getByLabel('Open project…').setInputFiles(saved);
  const question = page.getByRole('dialog', { name: 'Unsaved work' });
  await expect(question).toContainText('your activations');
  await question.getByRole('button', { name: 'Cancel' }).click();
  await page.close({ runBeforeUnload: false });
});

test('Open project with unsaved work asks first, and Cancel keeps the work', async ({ page, labUrl }, testInfo) => {
  await page.goto(labUrl);
  await trainShortRun(page);
  const saved = await saveProject(page, testInfo.outputPath());
  await trainShortRun(page);
  await expect(historyList(page)).toContainText('#2 iris');

  await goTo(page, /Export/);
  await page.getByLabel('Open project…').setInputFiles(saved);
  const question = page.getByRole('dialog', { name: 'Unsaved work' });
  await expect(question).toBeVisible();
  await expect(question).toContainText('2 runs in the history');
  await expect(question).toContainText('Save the project first (Ctrl+S) to keep it.');
  await page.screenshot({ path: testInfo.outputPath('open-asks-1280.png') });
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status', { name: 'Project status' })).toHaveText(/^Not opened: .* would have replaced your unsaved work\.$/);
  await expect(page.getByLabel('Run', { exact: true }).locator('option')).toHaveCount(2);

  await page.getByLabel('Open project…').setInputFiles(saved);
  await question.getByRole('button', { name: /without saving$/ }).click();
  await expect(page.getByRole('status', { name: 'Project status' })).toHaveText(/^Opened project-.*: 1 run and the network/);
  await expect(page.getByLabel('Run', { exact: true }).locator('option')).toHaveCount(1);
});

test("after a crash, the last session's unsaved work is offered and comes back", async ({ browser, labUrl, dataFolder }) => {
  const kept = join(dataFolder, 'autosave.backprop-lab.json');
  // Whatever an earlier test of this worker left is not this session's.
  await rm(kept, { force: true });
  const first = await browser.newPage();
  await first.goto(labUrl);
  await trainShortRun(first);
  await goTo(first, /Optimizer/);
  await first.getByRole('button', { name: 'Step 0.1 × 10 steps' }).click();
  await expect(first.getByTestId('final-value')).toContainText(/= 1\.29676/);
  // The work is kept within a few seconds, with the optimizer's path in it.
  await expect.poll(async () => (existsSync(kept) ? JSON.parse(await readFile(kept, 'utf8')).labs?.optimizer?.runs?.length : 0), { timeout: 15_000 }).toBe(1);
  expect(JSON.parse(await readFile(kept, 'utf8'))).toMatchObject({ format: 'backprop-lab-project', runs: [{ dataSet: 'iris' }] });
  // A crash: the page's process dies without a chance to say anything, so the kept work stays where it is.
  const crashed = first.waitForEvent('crash');
  await first.goto('chrome://crash').catch(() => undefined);
  await crashed;
  await first.close({ runBeforeUnload: false });
  expect(JSON.parse(await readFile(kept, 'utf8')).labs?.optimizer?.runs).toHaveLength(1);

  const page = await browser.newPage();
  await page.goto(labUrl);
  const offer = page.getByRole('region', { name: 'Work from the last session' });
  await expect(offer).toContainText('1 run');
  await offer.getByRole('button', { name: 'Restore it' }).click();
  await expect(offer).toBeHidden();
  await goTo(page, /Training/);
  await expect(historyList(page)).toContainText('#1 iris');
  await goTo(page, /Optimizer/);
  await expect(page.getByTestId('final-value')).toContainText(/= 1\.29676/);
  await expect(page.getByRole('group', { name: /^Contour plot of/ }).locator('.descent-path')).toHaveCount(1);
  await page.close({ runBeforeUnload: false });
});

test('work the person chose to discard is not offered again', async ({ browser, labUrl, dataFolder }) => {
  const kept = join(dataFolder, 'autosave.backprop-lab.json');
  await writeFile(kept, await readFile(new URL('../engine/fixtures/project-v2.json', import.meta.url), 'utf8'));
  const page = await browser.newPage();
  await page.goto(labUrl);
  const offer = page.getByRole('region', { name: 'Work from the last session' });
  await expect(offer).toContainText('the network “Iris network”');
  await offer.getByRole('button', { name: 'Discard it' }).click();
  await expect(offer).toBeHidden();
  await expect.poll(() => existsSync(kept)).toBe(false);
  await page.reload();
  await expect(nav(page)).toBeVisible();
  await expect(offer).toBeHidden();
  await page.close();
});
