// End to end (Chromium against the browser host): the lab recovers when its engine process dies or its server restarts.
import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { childPidsOf, startBrowserHost, stopBrowserHost, type BrowserHostProcess } from '../host/browserHostProcess.js';
import { expect, test } from './labFixture.js';
import { messageTextOf } from './sentMessages.js';

/** Each test here owns its host, since it kills part of it. */
let host: BrowserHostProcess | undefined;
test.afterEach(async () => {
  if (host) await stopBrowserHost(host.process);
  host = undefined;
});

async function openTraining(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Training/ })
    .click();
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
  // A run planned for 100,000 epochs is drawn without dots while it trains: its first epoch shows as the line's start.
  await expect(page.getByRole('img', { name: 'Loss per epoch' }).locator('.line-train')).toHaveAttribute('d', /^M/);

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

test("after the engine is killed, an earlier run's analysis and a run on the same CSV still work, their weights and text sent again", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  host = await startBrowserHost();
  const rows = ['width,height,kind'];
  for (let i = 0; i < 200; i++) rows.push(`${(1 + (i % 7) * 0.1).toFixed(1)},${(2 + (i % 5) * 0.1).toFixed(1)},small`);
  for (let i = 0; i < 200; i++) rows.push(`${(5 + (i % 7) * 0.1).toFixed(1)},${(6 + (i % 5) * 0.1).toFixed(1)},large`);
  const file = testInfo.outputPath('sizes.csv');
  await writeFile(file, `${rows.join('\n')}\n`);
  const sent: string[] = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      const text = messageTextOf(payload);
      if (text !== undefined) sent.push(text);
    }),
  );
  const framesOf = (type: string) => sent.filter((frame) => frame.startsWith(`{"type":"${type}"`));

  await openTraining(page, host.url);
  await page.getByLabel('Data set').selectOption('csv');
  await page.getByLabel('CSV file').setInputFiles(file);
  await page.getByLabel('Epochs').fill('3');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/completed 3 epochs/i);
  const panel = page.getByRole('region', { name: 'Analysis', exact: true });
  await expect(panel.getByRole('table', { name: /Confusion matrix/ })).toBeVisible({ timeout: 30_000 });
  expect(framesOf('analysis.run').every((frame) => !frame.includes('"weights"') && !frame.includes('"text"'))).toBe(true);
  expect(framesOf('train.start').every((frame) => !frame.includes('"text"'))).toBe(true);

  const engines = childPidsOf(host.process.pid!);
  expect(engines).toHaveLength(1);
  process.kill(engines[0]!, 'SIGKILL');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  const afterKill = sent.length;

  await panel.getByRole('button', { name: 'Show the loss landscape' }).click();
  await expect(panel.getByRole('img', { name: /^Loss landscape around the trained weights/ })).toBeVisible({ timeout: 60_000 });
  const landscapeFrames = framesOf('landscape.run').filter((frame) => sent.indexOf(frame) >= afterKill);
  expect(landscapeFrames.some((frame) => frame.includes('"weights"') && frame.includes('"text"'))).toBe(true);

  const beforeRun = sent.length;
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('2');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/completed 2 epochs/i);
  await expect(page.getByText(/^Run failed:/)).toHaveCount(0);
  expect(sent.slice(beforeRun).filter((frame) => frame.includes('"text"')).length).toBeLessThanOrEqual(1);
  await page.screenshot({ path: testInfo.outputPath('recovered-csv-run.png'), fullPage: true });
});
