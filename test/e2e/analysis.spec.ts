// End to end (Chromium against the browser host): the analysis of a finished run — confusion matrix, misclassified digits, saliency, first-layer weights, loss landscape and the linear collapse.
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { IMAGE_DATA_SETS } from '../../engine/data/dataSetNames.js';
import { childPidsOf, startBrowserHost, stopBrowserHost } from '../host/browserHostProcess.js';
import { expect, test } from './labFixture.js';
import { canvasImage } from './canvasImage.js';
import { messageTextOf } from './sentMessages.js';

/** Opens the Training view, trains `epochs` epochs of the preset chosen (if any) and waits for the run to complete. */
async function trainAndWait(page: Page, epochs: number, preset?: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Training/ })
    .click();
  if (preset) await page.getByLabel('Network preset').selectOption({ label: preset });
  await page.getByLabel('Epochs').fill(String(epochs));
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/completed/i, { timeout: 90_000 });
}

/** The sum of the confusion matrix's count cells. */
async function confusionSum(page: Page): Promise<number> {
  const table = page.getByRole('table', { name: /Confusion matrix/ });
  const counts = await table.locator('tbody td.count').allTextContents();
  return counts.reduce((sum, text) => sum + Number(text), 0);
}

test('analyses a finished run: confusion matrix, misclassified digits traced, first-layer weights and the loss landscape with its path', async ({
  page,
  labUrl,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(labUrl);
  await trainAndWait(page, 3);

  const panel = page.getByRole('region', { name: 'Analysis', exact: true });
  await expect(panel).toBeVisible();

  // The confusion matrix: a real table whose cells add up to the 899 test samples of digits-binary.
  const table = panel.getByRole('table', { name: /Confusion matrix on the 899 test samples/ });
  await expect(table).toBeVisible({ timeout: 30_000 });
  await expect(table.getByRole('columnheader', { name: '0–4' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: '5–9' })).toBeVisible();
  expect(await confusionSum(page)).toBe(899);
  await expect(panel.getByText(/^Accuracy:/)).toContainText('%');

  // Misclassified digits, drawn as 8×8 images with "true → predicted, confidence" captions.
  const gallery = panel.getByRole('list', { name: 'Misclassified digits' });
  const digits = gallery.getByRole('button');
  await expect(digits.first()).toBeVisible();
  expect(await digits.count()).toBeGreaterThan(0);
  await expect(digits.first()).toContainText(/true .+ → predicted .+, \d+(\.\d)?%/);
  await expect(gallery.locator('svg.pixel-grid').first()).toBeVisible();
  await expect(gallery.locator('svg.pixel-grid').first().locator('rect')).toHaveCount(64);

  // 32 first-layer weight images, with their colour legend.
  const weights = panel.getByRole('list', { name: 'First-layer weights, one image per unit' });
  await expect(weights.getByRole('img')).toHaveCount(32);
  await expect(panel.getByRole('img', { name: /^Weight \(red negative, blue positive\)/ }).first()).toBeVisible();
  // Each drawn on a canvas of one pixel per weight, in more than a few shades of the diverging scale.
  const unit1 = weights.getByRole('img', { name: 'Unit 1 weights' }).locator('canvas');
  await expect.poll(async () => canvasImage(unit1)).toMatchObject({ width: 8, height: 8 });
  expect((await canvasImage(unit1)).shades).toBeGreaterThan(8);

  // Tracing a misclassified digit shows its saliency as an 8×8 heat map and every layer's output.
  await digits.first().click();
  await expect(digits.first()).toHaveAttribute('aria-pressed', 'true');
  const trace = panel.getByTestId('sample-trace');
  await expect(trace.getByRole('img', { name: /^Saliency of test sample \d+/ })).toBeVisible();
  await expect(trace.getByRole('img', { name: /^Saliency of test sample \d+/ }).locator('rect')).toHaveCount(64);
  await expect(trace.getByRole('list', { name: 'Layer outputs for this sample' }).getByRole('listitem')).toHaveCount(4);
  await page.screenshot({ path: testInfo.outputPath('analysis-1280.png'), fullPage: true });

  // The loss landscape: progress while it is computed, then contours, the trained weights and the path of 3 epochs.
  await panel.getByRole('button', { name: 'Show the loss landscape' }).click();
  const landscape = panel.getByRole('img', { name: /^Loss landscape around the trained weights/ });
  await expect(landscape).toBeVisible({ timeout: 60_000 });
  await expect(landscape).toHaveAccessibleName(/training path of 3 epochs/);
  expect(await landscape.locator('.contour-band').count()).toBeGreaterThan(3);
  await expect(landscape.locator('.trained')).toHaveCount(1);
  await expect(landscape.locator('.training-path circle.epoch')).toHaveCount(4);
  await expect(panel.getByText(/Li et al\., 2018/)).toBeVisible();
  await landscape.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('landscape-1280.png') });

  // Zoomed to the path, the landscape is recomputed on the smaller span.
  const zoom = panel.getByRole('button', { name: /Zoom to the path/ });
  if (await zoom.count()) {
    await zoom.click();
    await expect(panel.getByRole('button', { name: 'Recompute the loss landscape' })).toBeEnabled({ timeout: 60_000 });
    await landscape.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('landscape-zoomed-1280.png') });
  }

  // About 700 wide the panel stacks into one column and nothing is cut off.
  await page.setViewportSize({ width: 700, height: 900 });
  await panel.getByRole('table', { name: /Confusion matrix/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('analysis-700-top.png') });
  await trace.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('analysis-700-trace.png') });
  await landscape.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('analysis-700-landscape.png') });
});

test('says plainly that 64-32-1 without a ReLU collapses into one 64×1 Linear layer', async ({ page, labUrl }, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(labUrl);
  await trainAndWait(page, 2, '64-32-1-Sigmoid (no ReLU)');

  const collapse = page.getByTestId('linear-collapse');
  await expect(collapse).toBeVisible({ timeout: 30_000 });
  await expect(collapse).toContainText(
    'Layers 1–2 (Linear 64→32, Linear 32→1) have no nonlinearity between them, so together they equal ONE Linear layer of shape 64×1.',
  );
  await expect(collapse.getByRole('img', { name: 'The collapsed 64×1 layer weights' })).toBeVisible();
  await collapse.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('linear-collapse-1280.png') });
});

test('shows an engine crash during the landscape in place, and draws it on Retry', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const host = await startBrowserHost(); // its own host, since the test kills its engine
  try {
    // Holds back landscape.run while `hold` is set, so the ask is still pending when the engine dies.
    let hold = true;
    await page.routeWebSocket(/.*/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        if (hold && typeof message === 'string' && message.includes('"landscape.run"')) return;
        server.send(message);
      });
    });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(host.url);
    await trainAndWait(page, 3);
    const panel = page.getByRole('region', { name: 'Analysis', exact: true });
    await expect(panel.getByRole('table', { name: /Confusion matrix/ })).toBeVisible({ timeout: 30_000 });
    await expect(panel.getByRole('list', { name: 'Misclassified digits' }).locator('svg.pixel-grid')).toHaveCount(24);

    await panel.getByRole('button', { name: 'Show the loss landscape' }).click();
    await expect(panel.getByRole('status').filter({ hasText: /Computing the loss/ })).toBeVisible();
    const engines = childPidsOf(host.process.pid!);
    expect(engines).toHaveLength(1);
    process.kill(engines[0]!, 'SIGKILL');

    const alert = panel.getByRole('alert').filter({ hasText: 'The landscape could not be computed' });
    await expect(alert).toBeVisible();
    await expect(panel.getByRole('table', { name: /Confusion matrix/ })).toBeVisible(); // the rest stays
    await alert.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('landscape-engine-crashed.png') });

    hold = false;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(panel.getByRole('img', { name: /^Loss landscape around the trained weights/ })).toBeVisible({ timeout: 60_000 });
    await expect(alert).toBeHidden();
  } finally {
    await stopBrowserHost(host.process);
  }
});

test('analyses a network of over 98k parameters built in the builder, its weights never sent back to the engine', async ({ page, labUrl }, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const sent: string[] = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      const text = messageTextOf(payload);
      if (text !== undefined) sent.push(text);
    }),
  );
  await page.goto(labUrl);
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Network builder/ })
    .click();
  await page.getByRole('button', { name: 'Load preset 64-32-16-8-1 (ReLUs, Sigmoid)' }).click();
  // 64·32+32 + 32·3000+3000 + 3000·8+8 + 8·1+1 = 125,097 parameters: their weights alone are more than 1 MiB on the wire.
  await page.getByRole('spinbutton', { name: 'Units of layer 3 (Linear)' }).fill('3000');
  await expect(page.getByTestId('total-parameters')).toHaveText('125,097');
  await page.getByRole('button', { name: 'Train this network' }).click();
  await page.getByLabel('Network preset').selectOption('builder');
  await expect(page.getByText('125,097')).toBeVisible();
  await page.getByLabel('Epochs').fill('1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/completed 1 epoch/i, { timeout: 90_000 });

  const panel = page.getByRole('region', { name: 'Analysis', exact: true });
  await expect(panel.getByRole('table', { name: /Confusion matrix on the 899 test samples/ })).toBeVisible({ timeout: 60_000 });
  expect(await confusionSum(page)).toBe(899);
  await expect(page.getByText(/Lost the connection/)).toHaveCount(0);
  const analyses = sent.filter((frame) => frame.startsWith('{"type":"analysis.run"'));
  expect(analyses.length).toBeGreaterThan(0);
  for (const frame of analyses) expect(frame).not.toContain('"weights"');
  await page.screenshot({ path: testInfo.outputPath('analysis-125k-parameters.png') });
});

test("draws the Fashion-MNIST MLP's 256 first-layer units as 28×28 weight images", async ({ page, labUrl }, testInfo) => {
  test.skip(!existsSync(IMAGE_DATA_SETS['fashion-mnist'].folder), "skipped: Debian's Fashion-MNIST files are not installed");
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(labUrl);
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Training/ })
    .click();
  await page.getByLabel('Data set').selectOption('images:fashion-mnist');
  await page.getByLabel('Network preset').selectOption({ label: 'Fashion MLP 784-256-128-10' });
  await page.getByLabel('Train size').fill('1000');
  await page.getByLabel('Test size').fill('200');
  await trainAndWait(page, 1);

  const panel = page.getByRole('region', { name: 'Analysis', exact: true });
  const weights = panel.getByRole('list', { name: 'First-layer weights, one image per unit' });
  await expect(weights.getByRole('img')).toHaveCount(256, { timeout: 60_000 });
  await expect(panel.getByText(/Each image holds the 784 weights feeding one of the 256 units/)).toBeVisible();
  for (const unit of [1, 256]) {
    const canvas = weights.getByRole('img', { name: `Unit ${unit} weights` }).locator('canvas');
    await expect.poll(async () => canvasImage(canvas)).toMatchObject({ width: 28, height: 28 });
    expect((await canvasImage(canvas)).shades).toBeGreaterThan(16);
  }
  await weights.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('fashion-weights-1280.png') });
});
