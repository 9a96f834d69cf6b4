// End to end (Chromium against the browser host): the lab recovers when its engine process dies or its server restarts.
import type { Page } from '@playwright/test';
import { childPidsOf, startBrowserHost, stopBrowserHost, type BrowserHostProcess } from '../host/browserHostProcess.js';
import { expect, test } from './labFixture.js';

/** Each test here owns its host, since it kills part of it. */
let host: BrowserHostProcess | undefined;
test.afterEach(async () => {
  if (host) await stopBrowserHost(host.process);
  host = undefined;
});

async function openTraining(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Labs' }).getByRole('button', { name: /Training/ }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
}

/** Trains three epochs and expects the run to complete. */
async function trainThreeEpochs(page: Page): Promise<void> {
  await page.getByLabel('Epochs').fill('3');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/completed 3 epochs/i);
  await expect(page.getByRole('img', { name: 'Loss per epoch' }).locator('.point')).toHaveCount(2 * 3);
}

test('marks the run failed when the engine process dies mid-run, then trains again with a fresh engine', async ({ page }, testInfo) => {
  host = await startBrowserHost();
  await openTraining(page, host.url);
  await page.getByLabel('Epochs').fill('100000');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => page.getByRole('img', { name: 'Loss per epoch' }).locator('.point').count()).toBeGreaterThan(0);

  const engines = childPidsOf(host.process.pid!);
  expect(engines).toHaveLength(1);
  process.kill(engines[0]!, 'SIGKILL');

  await expect(page.getByText(/^Run failed:/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('engine-crashed.png') });
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await trainThreeEpochs(page);
});

test("reconnects by itself when the lab's server stops and starts again on the same port", async ({ page }) => {
  host = await startBrowserHost();
  const { port } = host;
  await openTraining(page, host.url);

  await stopBrowserHost(host.process);
  await expect(page.getByText('The engine is restarting')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();

  host = await startBrowserHost(port);
  await expect(page.getByText('The engine is restarting')).toBeHidden();
  await trainThreeEpochs(page);
});
