// End to end (Chromium against the browser host): the Training lab used as a person would — train, watch the curves, stop, bad input.
import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './labFixture.js';
import { messageSizeOf } from './sentMessages.js';

const EXERCISE_PRESET = '64-32-ReLU-1-Sigmoid';

/** Opens the lab and goes to the Training view through the navigation. */
async function openTraining(page: Page, labUrl: string): Promise<void> {
  await page.goto(labUrl);
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Training/ })
    .click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
}

/**
 * Records, in the page, every distinct number of points the loss chart shows while a run is drawn: each DOM
 * change is seen, however fast the run is, so the test sees epochs arrive one by one without timing anything.
 */
async function recordLossPointCounts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { lossPointCounts: number[] }).lossPointCounts = seen;
    const count = () => document.querySelectorAll('svg[aria-label="Loss per epoch"] .point').length;
    new MutationObserver(() => {
      const now = count();
      if (seen.at(-1) !== now) seen.push(now);
    }).observe(document.body, { childList: true, subtree: true });
  });
}

/** Reads a displayed accuracy, written as a percentage ("97.2%") or a fraction ("0.972"), as a fraction. */
function accuracyIn(text: string): number {
  const percent = /(\d+(?:\.\d+)?)\s*%/.exec(text);
  if (percent) return Number(percent[1]) / 100;
  const fraction = /\b(0?\.\d+|1(?:\.0+)?)\b/.exec(text);
  if (!fraction) throw new Error(`no accuracy in ${JSON.stringify(text)}`);
  return Number(fraction[1]);
}

test('trains the exercise network and shows the learning curves growing epoch by epoch, then the final accuracy', async ({ page, labUrl }, testInfo) => {
  await openTraining(page, labUrl);
  await page.getByLabel('Data set').selectOption('digits-binary');
  await page.getByLabel('Network preset').selectOption({ label: EXERCISE_PRESET });
  await page.getByLabel('Epochs').fill('25');
  await page.getByLabel('Learning rate').fill('0.01');
  await page.getByLabel('Minibatch size').fill('10');
  await page.getByLabel('Seed').fill('1');

  const lossChart = page.getByRole('img', { name: 'Loss per epoch' });
  const accuracyChart = page.getByRole('img', { name: 'Accuracy per epoch' });
  await expect(lossChart.locator('.point')).toHaveCount(0);
  await recordLossPointCounts(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  // Two observations from outside the page: some points, then more.
  await expect.poll(() => lossChart.locator('.point').count()).toBeGreaterThan(0);
  const firstSeen = await lossChart.locator('.point').count();
  await expect(page.getByRole('progressbar', { name: 'Training progress' })).toBeVisible();

  const finalAccuracy = page.getByTestId('final-accuracy');
  await expect(finalAccuracy).toBeVisible({ timeout: 90_000 });
  const finalCount = await lossChart.locator('.point').count();
  expect(finalCount).toBeGreaterThanOrEqual(firstSeen);
  expect(finalCount).toBe(2 * 25); // one point per epoch on the train line and on the test line

  // Seen from inside the page: the point count rose step by step, never all at once, and never fell.
  const counts = await page.evaluate(() => (window as unknown as { lossPointCounts: number[] }).lossPointCounts);
  expect(counts.length).toBeGreaterThanOrEqual(3);
  for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeGreaterThan(counts[i - 1]!);
  expect(counts.at(-1)).toBe(finalCount);

  await expect(lossChart.locator('.line-train')).toHaveCount(1);
  await expect(lossChart.locator('.line-test')).toHaveCount(1);
  await expect(accuracyChart.locator('.point')).toHaveCount(2 * 25);
  await expect(page.getByRole('progressbar', { name: 'Training progress' })).toHaveJSProperty('value', 25);

  const accuracy = accuracyIn((await finalAccuracy.textContent()) ?? '');
  expect(accuracy).toBeGreaterThanOrEqual(0.9);
  expect(accuracy).toBeLessThanOrEqual(1);
  await page.screenshot({ path: testInfo.outputPath('training-finished.png'), fullPage: true });
});

test('shows a message at the learning-rate field when the learning rate is not a positive number', async ({ page, labUrl }, testInfo) => {
  await openTraining(page, labUrl);
  const learningRate = page.getByLabel('Learning rate');
  await learningRate.fill('-1');
  await expect(learningRate).toHaveAttribute('aria-invalid', 'true');
  await expect(learningRate).toHaveAccessibleDescription(/learning rate/i);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();

  await learningRate.fill('');
  await expect(learningRate).toHaveAccessibleDescription(/learning rate/i);
  await page.screenshot({ path: testInfo.outputPath('bad-learning-rate.png') });

  await learningRate.fill('0.01');
  await expect(learningRate).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
});

// A step of 1e6 is not enough: the sigmoid saturates, the clamped cross-entropy stays finite, and the run just fails to learn.
// A step of 1e200 overflows the weights within a few minibatches, so the loss turns NaN and the engine stops the run.
test('stops with the divergence message when a huge learning rate sends the loss to NaN', async ({ page, labUrl }, testInfo) => {
  await openTraining(page, labUrl);
  await page.getByLabel('Network preset').selectOption({ label: EXERCISE_PRESET });
  await page.getByLabel('Learning rate').fill('1e200');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const result = page.getByTestId('final-accuracy');
  await expect(result).toBeVisible({ timeout: 90_000 });
  await expect(result).toContainText(/diverged/i);
  await page.screenshot({ path: testInfo.outputPath('diverged.png') });
});

test('the Stop button ends a long run before its last epoch', async ({ page, labUrl }, testInfo) => {
  const epochs = 100_000;
  await openTraining(page, labUrl);
  await page.getByLabel('Epochs').fill(String(epochs));
  const lossChart = page.getByRole('img', { name: 'Loss per epoch' });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // A few epochs in (read from the progress, since a long curve is drawn without point markers).
  const progress = page.getByText(/^Epoch [\d,]+ of 100,000$/);
  await expect.poll(async () => Number(/Epoch ([\d,]+)/.exec((await progress.textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? 0)).toBeGreaterThanOrEqual(2);

  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  const result = page.getByTestId('final-accuracy');
  await expect(result).toBeVisible();
  await expect(result).toContainText(/stopped/i);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  const points = await lossChart.locator('.point').count();
  expect(points).toBeLessThan(2 * epochs);
  await page.screenshot({ path: testInfo.outputPath('stopped.png') });
});

test('trains iris with the network offered for it and shows the final accuracy', async ({ page, labUrl }, testInfo) => {
  await openTraining(page, labUrl);
  await page.getByLabel('Data set').selectOption('iris');
  const network = page.getByLabel('Network preset');
  await expect(network.locator('option:checked')).toHaveText('For iris: 4-32-ReLU-3-Softmax');
  await expect(network).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Epochs').fill('40');
  await page.getByLabel('Optimizer').selectOption('adam');
  await expect(page.getByLabel('Beta 1')).toHaveValue('0.9');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const result = page.getByTestId('final-accuracy');
  await expect(result).toContainText(/completed 40 epochs/i, { timeout: 60_000 });
  expect(accuracyIn((await result.textContent()) ?? '')).toBeGreaterThanOrEqual(0.8);
  await expect(page.getByRole('img', { name: 'Loss per minibatch' }).locator('.line-batch')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Run history' }).getByRole('listitem')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('iris.png'), fullPage: true });
});

test('pauses a long run, which then stays put, and resumes it', async ({ page, labUrl }, testInfo) => {
  await openTraining(page, labUrl);
  await page.getByLabel('Epochs').fill('100000');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const progress = page.getByRole('progressbar', { name: 'Training progress' });
  await expect.poll(() => progress.evaluate((p: HTMLProgressElement) => p.value)).toBeGreaterThanOrEqual(2);

  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByText('Paused', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Resume', exact: true })).toBeEnabled();
  const atPause = await progress.evaluate((p: HTMLProgressElement) => p.value);
  await page.waitForTimeout(1500);
  expect(await progress.evaluate((p: HTMLProgressElement) => p.value)).toBe(atPause);
  await page.screenshot({ path: testInfo.outputPath('paused.png') });

  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(page.getByText('Paused', { exact: true })).toBeHidden();
  await expect.poll(() => progress.evaluate((p: HTMLProgressElement) => p.value)).toBeGreaterThan(atPause);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/stopped/i);
});

/** Two well separated classes in two features: 40 rows. */
function smallCsv(): string {
  const rows = ['width,height,kind'];
  for (let i = 0; i < 20; i++) rows.push(`${(1 + (i % 5) * 0.1).toFixed(1)},${(2 + (i % 4) * 0.1).toFixed(1)},small`);
  for (let i = 0; i < 20; i++) rows.push(`${(5 + (i % 5) * 0.1).toFixed(1)},${(6 + (i % 4) * 0.1).toFixed(1)},large`);
  return `${rows.join('\n')}\n`;
}

test('trains on a CSV file the user picks, with its label column', async ({ page, labUrl }, testInfo) => {
  const file = testInfo.outputPath('sizes.csv');
  await writeFile(file, smallCsv());
  await openTraining(page, labUrl);
  await page.getByLabel('Data set').selectOption('csv');
  await page.getByLabel('CSV file').setInputFiles(file);
  await expect(page.getByLabel('CSV file')).toHaveAccessibleDescription(/40 rows, 2 feature columns, 2 classes/);
  await expect(page.getByLabel('Label column')).toHaveValue('kind');
  await expect(page.getByLabel('Network preset').locator('option:checked')).toHaveText('For sizes.csv: 2-32-ReLU-1-Sigmoid');
  await page.getByLabel('Epochs').fill('10');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const result = page.getByTestId('final-accuracy');
  await expect(result).toContainText(/completed 10 epochs/i);
  expect(accuracyIn((await result.textContent()) ?? '')).toBeGreaterThanOrEqual(0.9);
  await page.screenshot({ path: testInfo.outputPath('csv.png'), fullPage: true });
});

test('trains on a 10 MB CSV file the user picks, sending its text to the engine once', async ({ page, labUrl }, testInfo) => {
  test.setTimeout(180_000);
  const lines = ['f1,f2,f3,f4,f5,f6,f7,f8,label'];
  let state = 7;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let r = 0; r < 185_000; r++) {
    const features = Array.from({ length: 8 }, next);
    lines.push(`${features.map((v) => v.toFixed(4)).join(',')},${features[0]! + features[1]! > 1 ? 'high' : 'low'}`);
  }
  const text = lines.join('\n');
  expect(text.length).toBeGreaterThan(10 * 1024 * 1024);
  const file = testInfo.outputPath('big.csv');
  await writeFile(file, text);
  const largeFrames: number[] = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      const size = messageSizeOf(payload);
      if (size !== undefined && size > 1024 * 1024) largeFrames.push(size);
    }),
  );

  await openTraining(page, labUrl);
  await page.getByLabel('Data set').selectOption('csv');
  await page.getByLabel('CSV file').setInputFiles(file);
  await expect(page.getByLabel('CSV file')).toHaveAccessibleDescription(/185000 rows, 8 feature columns, 2 classes/, { timeout: 30_000 });
  await page.getByLabel('Epochs').fill('1');
  await page.getByLabel('Minibatch size').fill('100');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/completed 1 epoch/i, { timeout: 120_000 });
  await expect(page.getByRole('region', { name: 'Analysis', exact: true }).getByRole('table', { name: /Confusion matrix/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/Lost the connection/)).toHaveCount(0);
  expect(largeFrames).toHaveLength(1);
  await page.screenshot({ path: testInfo.outputPath('csv-10mb.png') });
});

test('refuses a CSV file larger than the lab takes at the file field, naming the limit and its size', async ({ page, labUrl }, testInfo) => {
  const file = testInfo.outputPath('huge.csv');
  await writeFile(file, `a,b\n${'1,0\n'.repeat(18_400_000)}`);
  await openTraining(page, labUrl);
  await page.getByLabel('Data set').selectOption('csv');
  const field = page.getByLabel('CSV file');
  await field.setInputFiles(file);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription('The CSV file huge.csv is 70.2 MB; the lab takes at most 64 MB');
  await expect(page.getByText(/Lost the connection/)).toHaveCount(0);
});

test('shows the row and column of a CSV cell that is not a number at the file field', async ({ page, labUrl }, testInfo) => {
  const file = testInfo.outputPath('bad.csv');
  await writeFile(file, smallCsv().replace('\n1.1,2.1,small', '\n1.1,oops,small'));
  await openTraining(page, labUrl);
  await page.getByLabel('Data set').selectOption('csv');
  const field = page.getByLabel('CSV file');
  await field.setInputFiles(file);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/row 3, column 2 \(height\): "oops" is not a number/);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByText(/^Run failed:.*row 3, column 2/)).toBeVisible();
  await expect(field).toHaveAccessibleDescription(/row 3, column 2/);
  await field.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('bad-csv.png') });
});

test('overlays two finished runs on the epoch curves, each named in the legend', async ({ page, labUrl }, testInfo) => {
  await openTraining(page, labUrl);
  await page.getByLabel('Epochs').fill('8');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/completed 8 epochs/i);
  await page.getByLabel('Network preset').selectOption({ label: '64-1-Sigmoid' });
  await page.getByLabel('Epochs').fill('12');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/completed 12 epochs/i);

  const history = page.getByRole('region', { name: 'Run history' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  for (const box of await history.getByRole('checkbox', { name: /^Overlay/ }).all()) await box.check();
  const legend = page.getByRole('list', { name: 'Runs overlaid' }).getByRole('listitem');
  await expect(legend).toHaveCount(2);
  await expect(legend.nth(0)).toContainText('64-32-ReLU-1-Sigmoid');
  await expect(legend.nth(1)).toContainText('64-1-Sigmoid');
  await expect(page.getByRole('img', { name: 'Loss per epoch' }).locator('.line-overlay')).toHaveCount(4);
  await expect(page.getByRole('img', { name: 'Loss per epoch' }).locator('.point')).toHaveCount(2 * 12);
  await page.screenshot({ path: testInfo.outputPath('overlay-1280.png'), fullPage: true });

  await history.getByRole('button', { name: 'Delete run #1' }).click();
  await expect(legend).toHaveCount(1);
  await page.setViewportSize({ width: 700, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('overlay-700.png'), fullPage: true });
});
