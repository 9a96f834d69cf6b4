// End to end (Chromium against the browser host): the controls a student reaches for while training — Step while paused, a learning rate changed while paused and marked on the curves, the time trained and left, a log axis — with Train and the loss chart on one screen.
import type { Page } from '@playwright/test';
import { expect, test } from './labFixture.js';

async function openTraining(page: Page, labUrl: string): Promise<void> {
  await page.goto(labUrl);
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Training/ })
    .click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
}

/** The minibatches done, as the paused controls say. */
async function pausedAt(page: Page): Promise<number> {
  const text = (await page.getByTestId('paused-at').textContent()) ?? '';
  return Number(/minibatch ([\d,]+)/.exec(text)![1]!.replace(/,/g, ''));
}

test('shows Train and the live loss chart together at 1280×800, with the time trained and the time left', async ({ page, labUrl }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openTraining(page, labUrl);
  const train = page.getByRole('button', { name: 'Train', exact: true });
  const lossChart = page.getByRole('img', { name: 'Loss per epoch' });
  for (const element of [train, lossChart]) {
    const box = (await element.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(800);
  }
  await page.getByLabel('Epochs').fill('100000');
  await train.click();
  await expect(page.getByTestId('run-time')).toContainText(/\d( min \d\d)? s elapsed\s·\sabout [\d.]+( min \d\d)? s left/);
  await expect.poll(() => lossChart.locator('.line-train').getAttribute('d')).toMatch(/L/);
  await page.screenshot({ path: testInfo.outputPath('controls-running-1280x800.png') });
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/stopped/i);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('controls-stopped-1920x1080.png') });
});

test('steps a paused run one minibatch and one epoch at a time, and takes a new learning rate on resume, marked on the curves', async ({
  page,
  labUrl,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openTraining(page, labUrl);
  await page.getByLabel('Epochs').fill('100000');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const progress = page.getByRole('progressbar', { name: 'Training progress' });
  await expect.poll(() => progress.evaluate((p: HTMLProgressElement) => p.value)).toBeGreaterThanOrEqual(1);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByText('Paused', { exact: true })).toBeVisible();

  const before = await pausedAt(page);
  await page.getByRole('button', { name: '1 minibatch' }).click();
  await expect.poll(() => pausedAt(page)).toBe(before + 1);
  await expect(page.getByText('Paused', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '1 minibatch' }).click();
  await expect.poll(() => pausedAt(page)).toBe(before + 2);

  const epochs = await progress.evaluate((p: HTMLProgressElement) => p.value);
  await page.getByRole('button', { name: '1 epoch' }).click();
  await expect.poll(() => progress.evaluate((p: HTMLProgressElement) => p.value)).toBe(epochs + 1);
  expect(await pausedAt(page)).toBe((epochs + 1) * 89); // the end of the epoch: 89 minibatches each
  await expect(page.getByText('Paused', { exact: true })).toBeVisible();

  const newRate = page.getByLabel('New learning rate');
  await expect(newRate).toHaveValue('0.01');
  await newRate.fill('0.002');
  await newRate.press('Enter');
  await expect(page.getByText(/From the resume on \(now 0\.01\)/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('controls-paused-1280x800.png') });
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  const marks = page.getByRole('img', { name: 'Loss per epoch' }).getByTestId('learning-rate-mark');
  await expect(marks).toHaveCount(1);
  await expect(marks).toContainText('lr 0.002');
  await expect(page.getByRole('img', { name: 'Loss per minibatch' }).getByTestId('learning-rate-mark')).toHaveCount(1);
  await expect.poll(() => progress.evaluate((p: HTMLProgressElement) => p.value)).toBeGreaterThan(epochs + 2);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/stopped/i);
  await expect(marks).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('controls-rate-marked-1280x800.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('controls-rate-marked-1920x1080.png') });
});

test('draws the loss on a log axis of whole decades when asked', async ({ page, labUrl }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openTraining(page, labUrl);
  await page.getByLabel('Epochs').fill('10');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/completed 10 epochs/);
  const lossChart = page.getByRole('img', { name: 'Loss per epoch' });
  const tickLabels = () => lossChart.locator('.y-axis text, g text').allTextContents();
  const linear = await lossChart.locator('.line-train').getAttribute('d');
  await page.getByLabel('Log scale for the loss').check();
  await expect.poll(() => lossChart.locator('.line-train').getAttribute('d')).not.toBe(linear);
  const numbers = (await tickLabels()).map(Number).filter((v) => Number.isFinite(v) && v > 0);
  const mantissas = numbers.filter((v) => v < 1e6).map((v) => Number((v / 10 ** Math.floor(Math.log10(v))).toPrecision(3)));
  expect(mantissas.length).toBeGreaterThanOrEqual(2);
  expect(mantissas.filter((m) => m === 1).length).toBeGreaterThanOrEqual(1);
  await expect(lossChart.locator('.point-train')).toHaveCount(10);
  await page.screenshot({ path: testInfo.outputPath('controls-log-axis-1280x800.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('controls-log-axis-1920x1080.png') });
});
