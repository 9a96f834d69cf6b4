// End to end (Chromium against the browser host): every chart's Save SVG and Save PNG write the chart as drawn, as a file that stands alone.
import { readFile, writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './labFixture.js';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Labs' });

async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [caught] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: caught.suggestedFilename(), bytes: await readFile(await caught.path()) };
}

/** What the page's own parser and image decoder make of an SVG file: well-formed or not, and its drawn size. */
async function openAsImage(page: Page, svg: string): Promise<{ wellFormed: boolean; width: number; height: number }> {
  return page.evaluate(async (text) => {
    const wellFormed = new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror') === null;
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
    await image.decode();
    return { wellFormed, width: image.naturalWidth, height: image.naturalHeight };
  }, svg);
}

test('Save SVG on a chart writes a standalone SVG of the chart as drawn, and Save PNG its picture at twice the size', async ({ page, labUrl }, testInfo) => {
  await page.goto(labUrl);
  await nav(page)
    .getByRole('button', { name: /Training/ })
    .click();
  await page.getByLabel('Data set').selectOption('iris');
  const network = page.getByLabel('Network preset');
  await expect(network.locator('option:checked')).toHaveText('For iris: 4-32-ReLU-3-Softmax');
  await expect(network).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Epochs').fill('3');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/completed 3 epochs/i, { timeout: 60_000 });

  const chart = page.getByRole('img', { name: 'Loss per epoch' });
  const drawnWidth = Number(await chart.getAttribute('width'));
  const svg = await download(page, page.getByRole('button', { name: 'Save Loss per epoch as SVG' }));
  expect(svg.name).toBe('loss-per-epoch.svg');
  const text = svg.bytes.toString('utf8');
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  // Stands alone: no class for a stylesheet to match, no CSS variable, the font named on the root, a white ground.
  expect(text).not.toMatch(/\sclass="/);
  expect(text).not.toContain('var(--');
  expect(text).toMatch(/^<svg [^>]*font-family="[^"]*DejaVu Sans/);
  expect(text).toContain('<rect width="' + drawnWidth + '"');
  // The chart as drawn: the train curve in the screen's colour, one dot per epoch and split, the axis labels.
  expect(text).toContain('stroke="rgb(31, 111, 209)"');
  expect(text.match(/<circle /g)!.length).toBeGreaterThanOrEqual(2 * 3);
  for (const label of ['>Loss per epoch<', '>Epoch<', '>Categorical cross-entropy<']) expect(text).toContain(label);
  const opened = await openAsImage(page, text);
  expect(opened).toEqual({ wellFormed: true, width: drawnWidth, height: 270 });
  await expect(page.getByRole('status', { name: 'Loss per epoch file status' })).toHaveText('Saved loss-per-epoch.svg to your downloads.');

  const png = await download(page, page.getByRole('button', { name: 'Save Accuracy per epoch as PNG' }));
  expect(png.name).toBe('accuracy-per-epoch.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.readUInt32BE(16)).toBe(2 * Number(await page.getByRole('img', { name: 'Accuracy per epoch' }).getAttribute('width')));
  await writeFile(testInfo.outputPath('loss-per-epoch.svg'), svg.bytes);
  await writeFile(testInfo.outputPath('accuracy-per-epoch.png'), png.bytes);

  // The confusion matrix is a table on screen; its file is the same table drawn as an svg.
  const confusion = await download(page, page.getByRole('button', { name: 'Save Confusion matrix as SVG' }));
  expect(confusion.name).toBe('confusion-matrix.svg');
  const confusionText = confusion.bytes.toString('utf8');
  expect(confusionText).toContain('Confusion matrix on the 75 test samples');
  await writeFile(testInfo.outputPath('confusion-matrix.svg'), confusion.bytes);
  expect((await openAsImage(page, confusionText)).wellFormed).toBe(true);
});

test('the contour plot and the function charts save their files too', async ({ page, labUrl }, testInfo) => {
  await page.goto(labUrl);
  await nav(page)
    .getByRole('button', { name: /Optimizer/ })
    .click();
  const contour = page.getByRole('group', { name: /^Contour plot of/ });
  await expect(contour.locator('path.contour-band').first()).toBeVisible();
  const svg = await download(page, page.getByRole('button', { name: /^Save Contour plot of .* as SVG$/ }));
  expect(svg.name).toBe('contour-plot.svg');
  const text = svg.bytes.toString('utf8');
  expect(text).not.toMatch(/\sclass="/);
  expect((await openAsImage(page, text)).wellFormed).toBe(true);
  expect(text.match(/<path /g)!.length).toBeGreaterThan(5);
  await writeFile(testInfo.outputPath('contour-plot.svg'), svg.bytes);

  await nav(page)
    .getByRole('button', { name: /Gradients/ })
    .click();
  await expect(page.locator('path.line-value').last()).toHaveAttribute('d', /^M/);
  const png = await download(page, page.getByRole('button', { name: /as PNG$/ }).first());
  expect(png.name).toMatch(/-function\.png$/);
  expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  await writeFile(testInfo.outputPath(png.name), png.bytes);
});
