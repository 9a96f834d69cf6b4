// End to end (Chromium against the browser host): Fashion-MNIST picked in the Training lab — its thumbnails and class balance by class name, a subset trained with the two-convolution preset for an epoch.
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { FASHION_MNIST_CLASSES, IMAGE_DATA_SETS } from '../../engine/data/dataSetNames.js';
import { FASHION_CONVNET_ID, NETWORK_PRESETS } from '../../engine/network/networkPresets.js';
import { expect, test } from './labFixture.js';
import { canvasImage } from './canvasImage.js';

const FASHION = IMAGE_DATA_SETS['fashion-mnist'];
const installed = existsSync(FASHION.folder);

async function openTraining(page: Page, labUrl: string): Promise<void> {
  await page.goto(labUrl);
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Training/ })
    .click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
}

/** Picks Fashion-MNIST with `train` training and `test` test images. */
async function pickFashion(page: Page, train: number, test: number): Promise<void> {
  await page.getByLabel('Data set').selectOption('images:fashion-mnist');
  await page.getByLabel('Train size').fill(String(train));
  await page.getByLabel('Test size').fill(String(test));
  await expect(page.getByTestId('data-summary')).toHaveText(`784 features · ${train.toLocaleString('en-US')} training and ${test} test samples · 10 classes`);
}

test('shows Fashion-MNIST from its installed files as thumbnails with class names, in light and dark', async ({ page, labUrl }, testInfo) => {
  test.skip(!installed, `skipped: Debian's Fashion-MNIST files are not installed in ${FASHION.folder}`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openTraining(page, labUrl);
  await pickFashion(page, 3000, 500);
  const thumbnails = page.getByTestId('thumbnail');
  await expect(thumbnails).toHaveCount(40);
  // Each thumbnail is a 28×28 image drawn in many shades of grey.
  const first = thumbnails.first().locator('canvas');
  await expect.poll(async () => canvasImage(first)).toMatchObject({ width: 28, height: 28 });
  await expect.poll(async () => (await canvasImage(first)).shades).toBeGreaterThan(16);
  const names = await thumbnails.evaluateAll((items) => items.map((item) => item.querySelector('.label')?.textContent ?? ''));
  for (const name of names) expect(FASHION_MNIST_CLASSES as readonly string[]).toContain(name);
  await expect(thumbnails.first().getByRole('img')).toHaveAccessibleName(/^Training sample 1, class .+$/);
  // Every class has a bar per split, named by its class name, and the training bars add up to the train size.
  const balance = page.getByTestId('class-balance');
  const titles = await balance.locator('rect title').allTextContents();
  expect(titles).toHaveLength(20);
  for (const name of FASHION_MNIST_CLASSES) expect(titles.some((title) => title.startsWith(`${name}:`))).toBe(true);
  const trainCounts = titles
    .map((t) => /: (\d+) training samples/.exec(t)?.[1])
    .filter(Boolean)
    .map(Number);
  expect(trainCounts.reduce((a, b) => a + b, 0)).toBe(3000);
  await expect(page.getByText(/The files' own: a seeded subset/)).toBeVisible();
  await balance.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('fashion-class-balance-1280x800.png') });
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: testInfo.outputPath(`fashion-data-${theme}-${width}x${height}.png`) });
    }
  }
});

test('says which file is missing when a folder of image files lacks one', async ({ page, labUrl }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openTraining(page, labUrl);
  await page.getByLabel('Data set').selectOption('images:folder');
  await expect(page.locator('#image-folder-error')).toHaveText('Enter the folder that holds the image files');
  await page.getByLabel('Folder of image files').fill('/nonexistent-folder-of-images');
  await page.getByLabel('Folder of image files').press('Tab');
  await expect(page.locator('#image-folder-error')).toContainText('/nonexistent-folder-of-images: no such folder');
  await page.screenshot({ path: testInfo.outputPath('image-folder-missing-1280x800.png') });
});

test('trains the two-convolution preset on a Fashion-MNIST subset for one epoch and names the classes in the confusion matrix', async ({
  page,
  labUrl,
}, testInfo) => {
  test.skip(!installed, `skipped: Debian's Fashion-MNIST files are not installed in ${FASHION.folder}`);
  test.setTimeout(420_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openTraining(page, labUrl);
  await pickFashion(page, 2000, 500);
  const preset = NETWORK_PRESETS.find((p) => p.id === FASHION_CONVNET_ID)!;
  await page.getByLabel('Network preset').selectOption({ label: preset.name });
  await expect(page.getByTestId('preset-settings')).toHaveText(
    'Tuned for fashion-mnist: Adam, learning rate 0.001, minibatch 64, mean reduction, 5 epochs. Use these settings',
  );
  await page.getByTestId('preset-settings').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('fashion-preset-settings-1280x800.png') });
  await page.getByRole('button', { name: 'Use these settings' }).click();
  await expect(page.getByLabel('Optimizer')).toHaveValue('adam');
  await expect(page.getByLabel('Learning rate')).toHaveValue(String(preset.hyper!.learningRate));
  await expect(page.getByLabel('Minibatch size')).toHaveValue(String(preset.hyper!.batchSize));
  await expect(page.getByLabel('Loss reduction')).toHaveValue(preset.hyper!.reduction!);
  await expect(page.getByLabel('Epochs')).toHaveValue(String(preset.hyper!.epochs));
  await page.getByLabel('Epochs').fill('1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/completed 1 epoch/i, { timeout: 200_000 });
  const table = page.getByRole('region', { name: 'Analysis', exact: true }).getByRole('table', { name: /Confusion matrix on the 500 test samples/ });
  await expect(table).toBeVisible({ timeout: 150_000 });
  for (const name of FASHION_MNIST_CLASSES) await expect(table.getByRole('rowheader', { name, exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('fashion-trained-1280x800.png'), fullPage: true });
});
