// End to end (Chromium against the browser host): "Open image files…" with a folder picked in the browser — its MNIST files read in the page, sent to the engine once, trained on; a damaged file named at the field; the four files picked one by one.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FASHION_MNIST_CLASSES, IDX_FILES } from '../../engine/data/dataSetNames.js';
import { fashionInstalled, FASHION_FOLDER, writeIdxFolder } from '../engine/support/idxFolder.js';
import { expect, test } from './labFixture.js';
import { messageSizeOf } from './sentMessages.js';
import { canvasImage } from './canvasImage.js';

const SKIP = `skipped: Debian's Fashion-MNIST files are not installed in ${FASHION_FOLDER}`;
let root: string;

test.beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'backprop-lab-picked-'));
});
test.afterAll(async () => {
  if (root && existsSync(root)) await rm(root, { recursive: true, force: true });
});

async function openFolderChoice(page: Page, labUrl: string): Promise<void> {
  await page.goto(labUrl);
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Training/ })
    .click();
  await page.getByLabel('Data set').selectOption('images:folder');
  await expect(page.locator('#image-folder-error')).toHaveText('Enter the folder that holds the image files');
}

/** Picks `folder` with the "Choose folder…" button, as a person does in the browser's folder picker. */
async function pickFolder(page: Page, folder: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose folder…' }).click();
  await (await chooser).setFiles(folder);
}

test('trains on a folder of MNIST-format files picked in the browser, sending their bytes to the engine once, and names the classes', async ({
  page,
  labUrl,
}, testInfo) => {
  test.skip(!fashionInstalled(), SKIP);
  test.setTimeout(240_000);
  const folder = join(root, 'small-fashion');
  await writeIdxFolder(folder, { train: 600, test: 200, gzip: true });
  // A file the lab does not read, beside the four it does: it is not sent.
  await writeFile(join(folder, 'README.txt'), 'Fashion-MNIST, cut to 600 and 200 images\n'.repeat(20_000));
  const sentSizes: number[] = [];
  page.on('websocket', (socket) => socket.on('framesent', (frame) => sentSizes.push(messageSizeOf(frame.payload) ?? 0)));

  await page.setViewportSize({ width: 1280, height: 800 });
  await openFolderChoice(page, labUrl);
  await pickFolder(page, folder);
  await expect(page.getByLabel('Folder of image files')).toHaveValue('small-fashion');
  await expect(page.locator('#image-folder-hint')).toContainText('4 files');
  await expect(page.locator('#image-folder-hint')).toContainText('read in this browser and sent to the engine');
  await expect(page.getByTestId('data-summary')).toHaveText('784 features · 600 training and 200 test samples · 10 classes');
  await expect(page.getByTestId('thumbnail')).toHaveCount(40);
  const first = page.getByTestId('thumbnail').first().locator('canvas');
  await expect.poll(async () => canvasImage(first)).toMatchObject({ width: 28, height: 28 });
  await expect.poll(async () => (await canvasImage(first)).shades).toBeGreaterThan(16);
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme);
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: testInfo.outputPath(`picked-folder-${theme}-${width}x${height}.png`) });
    }
  }
  await page.getByLabel('Theme').selectOption('light');
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByLabel('Network preset').selectOption({ label: 'Fashion MLP 784-256-128-10' });
  await page.getByRole('button', { name: 'Use these settings' }).click();
  await page.getByLabel('Epochs').fill('1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/completed 1 epoch/i, { timeout: 120_000 });
  const table = page.getByRole('region', { name: 'Analysis', exact: true }).getByRole('table', { name: /Confusion matrix on the 200 test samples/ });
  await expect(table).toBeVisible({ timeout: 120_000 });
  for (const name of ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) await expect(table.getByRole('rowheader', { name, exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('picked-folder-trained-1280x800.png'), fullPage: true });

  // The previews, checks, estimate, run and analysis all read the files, but their bytes (some 600 KB compressed) left the page once.
  const gzipBytes = 600 * 784 * 0.3;
  expect(sentSizes.filter((size) => size > gzipBytes).length).toBe(1);
  expect(Math.max(...sentSizes)).toBeLessThan(2 * 1024 * 1024);
});

test("opens the installed Fashion-MNIST folder whole in the browser: its 30 MB of .gz files sent once, within the lab's limits", async ({
  page,
  labUrl,
}, testInfo) => {
  test.skip(!fashionInstalled(), SKIP);
  test.setTimeout(180_000);
  const sentSizes: number[] = [];
  page.on('websocket', (socket) => socket.on('framesent', (frame) => sentSizes.push(messageSizeOf(frame.payload) ?? 0)));
  await page.setViewportSize({ width: 1280, height: 800 });
  await openFolderChoice(page, labUrl);
  await pickFolder(page, FASHION_FOLDER);
  await expect(page.getByLabel('Folder of image files')).toHaveValue('fashion-mnist');
  await expect(page.getByTestId('data-summary')).toHaveText('784 features · 60,000 training and 10,000 test samples · 10 classes', { timeout: 60_000 });
  await page.getByLabel('Train size').fill('2000');
  await page.getByLabel('Test size').fill('500');
  await expect(page.getByTestId('data-summary')).toHaveText('784 features · 2,000 training and 500 test samples · 10 classes');
  await expect(page.getByTestId('thumbnail')).toHaveCount(40);
  // Its files are recognised as Fashion-MNIST's: the thumbnails carry its class names, not digits.
  const names = await page.getByTestId('thumbnail').evaluateAll((items) => items.map((item) => item.querySelector('.label')?.textContent ?? ''));
  for (const name of names) expect(FASHION_MNIST_CLASSES as readonly string[]).toContain(name);
  await page.screenshot({ path: testInfo.outputPath('picked-fashion-1280x800.png') });
  const large = sentSizes.filter((size) => size > 25 * 1024 * 1024);
  expect(large).toHaveLength(1);
  expect(large[0]).toBeLessThan(32 * 1024 * 1024);
});

test('names the damaged file at the folder field when a picked folder holds a truncated one, and takes the four files picked one by one', async ({
  page,
  labUrl,
}, testInfo) => {
  test.skip(!fashionInstalled(), SKIP);
  const folder = join(root, 'damaged');
  const files = await writeIdxFolder(folder, { train: 100, test: 50 });
  const labels = files[IDX_FILES.trainLabels]!;
  await writeFile(join(folder, IDX_FILES.trainLabels), labels.subarray(0, labels.length - 10));
  await page.setViewportSize({ width: 1280, height: 800 });
  await openFolderChoice(page, labUrl);
  await pickFolder(page, folder);
  await expect(page.locator('#image-folder-error')).toHaveText(
    `Cannot load the data: damaged/${IDX_FILES.trainLabels}: is truncated: its dimensions 100 need 100 values but it holds 90`,
  );
  await page.screenshot({ path: testInfo.outputPath('picked-folder-damaged-1280x800.png') });

  const empty = join(root, 'empty');
  await writeIdxFolder(empty, { train: 10, test: 10 });
  for (const name of Object.values(IDX_FILES)) await rm(join(empty, name));
  await writeFile(join(empty, 'notes.txt'), 'nothing here');
  await pickFolder(page, empty);
  await expect(page.locator('#image-folder-error')).toContainText("empty holds none of MNIST's files");
  await expect(page.getByLabel('Folder of image files')).toHaveValue('damaged');

  // The four files picked one by one, where they are not in a folder of their own.
  const good = join(root, 'good');
  await writeIdxFolder(good, { train: 100, test: 50 });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose files…' }).click();
  await (await chooser).setFiles(Object.values(IDX_FILES).map((name) => join(good, name)));
  await expect(page.locator('#image-folder-hint')).toContainText('4 files');
  await expect(page.getByTestId('data-summary')).toHaveText('784 features · 100 training and 50 test samples · 10 classes');
  await page.screenshot({ path: testInfo.outputPath('picked-files-1280x800.png') });
});
