// End to end (Chromium against the browser host): the Compare lab used as a person would — two networks over 3 seeds, the table read, a misfit named, a stop that keeps runs.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './labFixture.js';

async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [caught] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: caught.suggestedFilename(), bytes: await readFile(await caught.path()) };
}

async function openCompare(page: Page, labUrl: string): Promise<void> {
  await page.goto(labUrl);
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Compare/ })
    .click();
  await expect(page.getByRole('button', { name: 'Compare', exact: true })).toBeVisible();
}

/** Leaves exactly the named networks picked. */
async function pick(page: Page, names: string[]): Promise<void> {
  const boxes = page.getByRole('group', { name: 'Networks' }).getByRole('checkbox');
  for (const box of await boxes.all()) {
    const label = (await box.locator('xpath=..').innerText()).trim();
    await box.setChecked(names.includes(label));
  }
}

const row = (page: Page, name: string) => page.getByRole('table', { name: 'Comparison results' }).locator(`tr[data-network="${name}"]`);

test('compares two networks over 3 seeds and reads the mean test accuracy from the table', async ({ page, labUrl }) => {
  await openCompare(page, labUrl);
  await expect(page.getByRole('group', { name: 'Networks' }).getByRole('checkbox', { checked: true })).toHaveCount(4);
  await pick(page, ['64-32-ReLU-1-Sigmoid', '64-1-Sigmoid']);
  await page.getByRole('spinbutton', { name: 'Seeds' }).fill('3');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByTestId('compare-status')).toHaveText('Completed: 6 runs', { timeout: 60_000 });

  const relu = row(page, '64-32-ReLU-1-Sigmoid');
  const linear = row(page, '64-1-Sigmoid');
  await expect(relu.locator('td').first()).toHaveText('3 of 3');
  await expect(relu.locator('td').nth(1)).toHaveText('2,113');
  await expect(linear.locator('td').nth(1)).toHaveText('65');
  const mean = async (r: typeof relu) => Number(/^(\d\.\d+) ± /.exec(await r.locator('.accuracy').innerText())![1]);
  expect(await mean(relu)).toBeGreaterThan(0.94);
  expect(await mean(linear)).toBeGreaterThan(0.84);
  expect(await mean(linear)).toBeLessThan(0.93);

  const accuracyChart = page.locator('svg[aria-label^="Test accuracy per epoch"]');
  await expect(accuracyChart.locator('path.band')).toHaveCount(2);
  await expect(accuracyChart.locator('.point-net0')).toHaveCount(25);
  const minMax = await accuracyChart.locator('path.band-net1').getAttribute('d');
  await page.getByLabel('Band around the mean').selectOption('sd');
  await expect(accuracyChart.locator('path.band-net1')).not.toHaveAttribute('d', minMax!);
  await expect(page.getByRole('button', { name: 'Save Test accuracy per epoch as SVG' })).toBeEnabled();

  // The table as CSV, one row per network; the charts as SVG and PNG.
  const csv = await download(page, page.getByRole('button', { name: 'Save results as CSV' }));
  expect(csv.name).toBe('comparison-results.csv');
  const lines = csv.bytes.toString('utf8').trim().split('\n');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain('64-32-ReLU-1-Sigmoid');
  expect(lines[2]).toContain('64-1-Sigmoid');
  const epochs = await download(page, page.getByRole('button', { name: 'Save every epoch as CSV' }));
  expect(epochs.bytes.toString('utf8').trim().split('\n').length).toBeGreaterThanOrEqual(1 + 2 * 3 * 25);
  const svg = await download(page, page.getByRole('button', { name: 'Save Test accuracy per epoch as SVG' }));
  expect(svg.name).toMatch(/\.svg$/);
  const text = svg.bytes.toString('utf8');
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  for (const label of ['>Test accuracy per epoch<', '>64-32-ReLU-1-Sigmoid<', '>64-1-Sigmoid<', '>Epoch<']) expect(text).toContain(label);
  expect(text.match(/<path [^>]*fill-opacity="0.16"/g)).toHaveLength(2);
  const png = await download(page, page.getByRole('button', { name: 'Save Test loss per epoch as PNG' }));
  expect(png.name).toMatch(/\.png$/);
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: test.info().outputPath(`compare-${width}.png`), fullPage: true });
  }
});

test('names a network that does not fit the data before anything trains', async ({ page, labUrl }) => {
  await openCompare(page, labUrl);
  await pick(page, ['64-1-Sigmoid']);
  await page.getByLabel('Data set').selectOption('iris');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('"64-1-Sigmoid": the network takes 64 inputs but iris has 4 features');
  await expect(page.getByTestId('compare-status')).toHaveText('Not compared');
  await expect(page.getByRole('table', { name: 'Comparison results' })).toHaveCount(0);
});

test('a Stop keeps the runs that finished', async ({ page, labUrl }) => {
  await openCompare(page, labUrl);
  await pick(page, ['64-32-ReLU-1-Sigmoid', '64-32-16-8-1 (ReLUs, Sigmoid)']);
  await page.getByRole('spinbutton', { name: 'Seeds' }).fill('20');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('60');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  // The table shows the progress five times a second: two runs can finish between updates, so '1 of 20' may never show.
  await expect(row(page, '64-32-ReLU-1-Sigmoid').locator('td').first()).toHaveText(/^(?:[1-9]|1\d) of 20$/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('compare-status')).toContainText(/^Stopped: \d+ of 40 runs finished and kept$/);
  const kept = Number(/Stopped: (\d+)/.exec(await page.getByTestId('compare-status').innerText())![1]);
  expect(kept).toBeGreaterThanOrEqual(1);
  expect(kept).toBeLessThan(40);
  await expect(page.getByRole('button', { name: 'Save results as CSV' })).toBeEnabled();
});
