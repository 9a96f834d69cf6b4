// End to end (Chromium against the browser host): a convolution and a pool checked on their own in the Gradient lab, on the input shape the user types.
import type { Page } from '@playwright/test';
import { expect, test } from './labFixture.js';

/** Opens the Gradient lab and picks a layer to check on its own. */
async function checkLayer(page: Page, labUrl: string, layer: string): Promise<void> {
  await page.goto(labUrl);
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Gradients/ })
    .click();
  await page.getByLabel('Subject').selectOption('layer');
  await page.getByLabel('Layer', { exact: true }).selectOption(layer);
}

for (const [theme, width, height] of [
  ['light', 1280, 800],
  ['dark', 1920, 1080],
] as const) {
  test(`checks conv2d:4:3 on a 2x6x6 input typed at the form: dx, dW and db OK with their relative errors (${theme}, ${width}×${height})`, async ({
    page,
    labUrl,
  }, testInfo) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width, height });
    await checkLayer(page, labUrl, 'conv2d');
    await page.getByLabel('Filters').fill('4');
    await page.getByLabel('Kernel size').fill('3');
    const shape = page.getByLabel('Input shape (C×H×W)');
    await expect(shape).toHaveValue('2x6x6'); // the start shape a 3×3 kernel fits
    await expect(page.getByLabel('Inputs per row')).toHaveCount(0);
    await shape.fill('2x6x6');
    const check = page.getByRole('button', { name: 'Check', exact: true });
    await check.scrollIntoViewIfNeeded();
    await check.click();

    const table = page.getByRole('table', { name: 'Gradient check results' });
    await expect(page.getByTestId('gradcheck-summary')).toContainText('All 3 checks OK');
    await expect(page.getByTestId('gradcheck-summary')).toContainText('layer conv2d:4:3:1, input 2×6×6, 3 rows');
    for (const [name, entries] of [
      ['dx', '216'],
      ['dW', '72'],
      ['db', '4'],
    ]) {
      const row = table.getByRole('row', { name: new RegExp(`^${name}\\b`) });
      await expect(row).toContainText('OK');
      await expect(row.getByRole('cell').first()).toHaveText(entries);
      const relative = Number(await row.getByRole('cell').nth(3).textContent());
      expect(relative).toBeLessThan(1e-6);
    }
    await page.screenshot({ path: testInfo.outputPath(`conv2d-check-${theme}-${width}.png`) });

    await page.getByLabel('Bias').uncheck();
    await check.click();
    await expect(page.getByTestId('gradcheck-summary')).toContainText('All 2 checks OK');
    await expect(table.getByRole('row', { name: /^db\b/ })).toHaveCount(0);
  });
}

test('says at the input-shape field why a 5×5 kernel does not fit a 2x3x3 input, and why a pool larger than the input does not', async ({
  page,
  labUrl,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await checkLayer(page, labUrl, 'conv2d');
  await page.getByLabel('Kernel size').fill('5');
  const shape = page.getByLabel('Input shape (C×H×W)');
  await shape.fill('2x3x3');
  await expect(shape).toHaveAttribute('aria-invalid', 'true');
  await expect(shape).toHaveAccessibleDescription(/The conv2d layer has a 5×5 kernel but the input gives 2×3×3: the window does not fit/);
  await expect(page.getByRole('button', { name: 'Check', exact: true })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('conv2d-shape-error-1280.png') });

  await shape.fill('2x6');
  await expect(shape).toHaveAccessibleDescription(/Write channels×height×width as CxHxW, e.g. 2x6x6/);

  await page.getByLabel('Layer', { exact: true }).selectOption('maxpool2d');
  await page.getByLabel('Window size').fill('4');
  await page.getByLabel('Input shape (C×H×W)').fill('1x3x3');
  await expect(page.getByLabel('Input shape (C×H×W)')).toHaveAccessibleDescription(/The maxpool2d layer has a 4×4 window but the input gives 1×3×3/);
  await page.getByLabel('Input shape (C×H×W)').fill('1x8x8');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const table = page.getByRole('table', { name: 'Gradient check results' });
  await expect(table.getByRole('row', { name: /^dx\b/ })).toContainText('OK');
  await expect(page.getByTestId('gradcheck-summary')).toContainText('All 1 checks OK');
});
