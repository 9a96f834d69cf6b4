// End to end (Chromium against the browser host): the keyboard shortcuts — labs, Train, Pause/Resume, Stop, Save, Open, Export — and where they are shown.
import type { Page } from '@playwright/test';
import { expect, test } from './labFixture.js';

const shown = (page: Page) => page.getByRole('main');
const progress = (page: Page) => page.getByRole('progressbar', { name: 'Training progress' });
const progressValue = (page: Page) => progress(page).evaluate((p: HTMLProgressElement) => p.value);
/** Takes the focus off any field or button, as after a click on the page's background. */
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

test('Ctrl+1…6 switch labs, Ctrl+E shows Export', async ({ page, labUrl }) => {
  await page.goto(labUrl);
  const labs = ['Optimizer', 'Gradients', 'Network builder', 'Training', 'Compare', 'Export'];
  for (const [i, title] of labs.entries()) {
    await page.keyboard.press(`Control+${i + 1}`);
    await expect(shown(page)).toHaveAccessibleName(`${title} lab`);
    await expect(page.getByRole('navigation', { name: 'Labs' }).getByRole('button', { name: new RegExp(title) })).toHaveAttribute(
      'title',
      `${title} (Ctrl+${i + 1})`,
    );
  }
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+e');
  await expect(shown(page)).toHaveAccessibleName('Export lab');
});

test('Ctrl+Enter trains from any lab, even from a field; Space pauses and resumes; Esc stops', async ({ page, labUrl }) => {
  await page.goto(labUrl);
  await page.getByLabel('Epochs').fill('100000');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toHaveAttribute('title', 'Train (Ctrl+Enter)');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toHaveAttribute('title', 'Pause (Space)');
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toHaveAttribute('title', 'Stop (Esc)');
  await page.keyboard.press('Control+1');
  await expect(shown(page)).toHaveAccessibleName('Optimizer lab');

  await page.keyboard.press('Control+Enter');
  await expect(shown(page)).toHaveAccessibleName('Training lab');
  await expect.poll(() => progressValue(page)).toBeGreaterThanOrEqual(2);

  // Space in a field is the field's (here the Optimizer lab's, while Training's fields are locked): the run goes on.
  await page.keyboard.press('Control+1');
  await page.getByLabel('Steps').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Control+4');
  await expect(page.getByText('Paused', { exact: true })).toBeHidden();
  const beforeSpace = await progressValue(page);
  await expect.poll(() => progressValue(page)).toBeGreaterThan(beforeSpace);

  await blur(page);
  await page.keyboard.press('Space');
  await expect(page.getByText('Paused', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Resume', exact: true })).toBeEnabled();
  const atPause = await progressValue(page);
  await blur(page);
  await page.keyboard.press('Space');
  await expect(page.getByText('Paused', { exact: true })).toBeHidden();
  await expect.poll(() => progressValue(page)).toBeGreaterThan(atPause);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('final-accuracy')).toContainText(/stopped/i);
});

test('Ctrl+S saves the project, Ctrl+O opens one, and Help lists every shortcut', async ({ page, labUrl }, testInfo) => {
  await page.goto(labUrl);
  // Saved once the lab has loaded, as a person sees it: what it fills in while loading would otherwise count as unsaved.
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  expect(download.suggestedFilename()).toMatch(/\.backprop-lab\.json$/);
  await expect(page.getByRole('status', { name: 'Project file status' })).toHaveText(/^Saved project-.* to your downloads\.$/);
  const saved = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(saved);

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
  await chooser.setFiles(saved);
  await expect(page.getByRole('status', { name: 'Project file status' })).toHaveText(/^Opened project-.*: 0 runs and the network/);

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  for (const [command, keys] of [
    ['Train', 'Ctrl+Enter'],
    ['Pause / Resume', 'Space'],
    ['Stop', 'Esc'],
    ['Save project', 'Ctrl+S'],
    ['Open project…', 'Ctrl+O'],
    ['Export…', 'Ctrl+E'],
    ['Optimizer lab', 'Ctrl+1'],
    ['Compare lab', 'Ctrl+5'],
    ['Export lab', 'Ctrl+6'],
  ]) {
    await expect(help.getByRole('row', { name: new RegExp(`^${command.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`) })).toContainText(keys);
  }
  await page.screenshot({ path: testInfo.outputPath('shortcuts-1280.png') });
  // While the dialog is open the shortcuts wait: Ctrl+1 does not switch labs behind it.
  await page.keyboard.press('Control+1');
  await expect(shown(page)).toHaveAccessibleName('Training lab');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});
