// End to end (Chromium against the browser host): a request over the engine's budget refused at its field, the budget set in Settings, and a hung engine reported and replaced.
import type { Page } from '@playwright/test';
import { childPidsOf, startBrowserHost, stopBrowserHost, type BrowserHostProcess } from '../host/browserHostProcess.js';
import { expect, test } from './labFixture.js';

async function openLab(page: Page, url: string, lab: RegExp): Promise<void> {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Labs' }).getByRole('button', { name: lab }).click();
}

test('refuses a gradient check too large for the budget at its field, with what it needs and the limit', async ({ page, labUrl }, testInfo) => {
  await openLab(page, labUrl, /Gradients/);
  await page.getByLabel('Subject').selectOption('layer');
  await page.getByLabel('Layer', { exact: true }).selectOption('linear');
  await page.getByLabel('Units').fill('4096');
  await page.getByLabel('Inputs per row').fill('4096');
  await page.getByLabel('Rows').fill('256');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const units = page.getByLabel('Units');
  await expect(units).toHaveAttribute('aria-invalid', 'true');
  await expect(units).toHaveAccessibleDescription(/^the gradient check needs about [\d.]+e\d+ multiply-adds .*; the engine does at most 2e11 for one request/);
  await page.screenshot({ path: testInfo.outputPath('gradcheck-over-budget.png'), fullPage: true });
});

test('sets the engine memory budget in Settings, refusing one outside its range, and keeps it across a reload', async ({ page, labUrl }, testInfo) => {
  await page.goto(labUrl);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const budget = dialog.getByLabel('Engine memory budget (MB)');
  await expect(budget).toHaveValue('1024');
  await budget.fill('10');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(budget).toHaveAccessibleDescription(/the memory budget must be at least 256 MB/);
  await page.screenshot({ path: testInfo.outputPath('settings-refused.png') });
  await budget.fill('2048');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByLabel('Engine memory budget (MB)')).toHaveValue('2048');
});

test.describe('a hung engine', () => {
  let host: BrowserHostProcess | undefined;
  test.afterEach(async () => {
    if (host) await stopBrowserHost(host.process);
    host = undefined;
  });

  test('is reported as not answering during a run, then replaced, with the run marked failed', async ({ page }, testInfo) => {
    host = await startBrowserHost();
    await openLab(page, host.url, /Training/);
    await page.getByLabel('Epochs').fill('100000');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    // A run planned for 100,000 epochs is drawn without dots while it trains: its first epoch shows as the line's start.
    await expect(page.getByRole('img', { name: 'Loss per epoch' }).locator('.line-train')).toHaveAttribute('d', /^M/);
    const [engine] = childPidsOf(host.process.pid!);
    process.kill(engine!, 'SIGSTOP');

    await expect(page.getByRole('alert').filter({ hasText: /^The engine is not answering/ })).toBeVisible({ timeout: 15_000 });
    await page.screenshot({ path: testInfo.outputPath('engine-not-answering.png') });
    await expect(page.getByText(/^Run failed:.*stopped answering/)).toBeVisible({ timeout: 40_000 });
    await expect(page.getByRole('alert').filter({ hasText: /^The engine is not answering/ })).toBeHidden();
    await page.screenshot({ path: testInfo.outputPath('engine-replaced.png') });
    expect(childPidsOf(host.process.pid!)).not.toContain(engine);
    await page.getByLabel('Epochs').fill('2');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(page.getByTestId('final-accuracy')).toContainText(/completed 2 epochs/i);
  });
});
