// End to end (Chromium against the browser host): a pooling dropped after a vector layer is refused at its layer, and every shape after it reads "?" with no second problem.
import type { Page } from '@playwright/test';
import { expect, test } from './labFixture.js';

const card = (page: Page, position: number) => page.getByRole('group', { name: new RegExp(`^${position} `) });

test('shows "?" for every shape after a pooling given a vector, with no problem at the layers after it', async ({ page, labUrl }, testInfo) => {
  page.setDefaultTimeout(20_000);
  await page.goto(labUrl);
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Network builder/ })
    .click();
  await page.getByRole('button', { name: 'Load preset 64-32-ReLU-1-Sigmoid' }).click();
  await expect(page.getByTestId('total-parameters')).toHaveText('2,113');

  // Linear 32 → Max pool → ReLU → Linear 1 → Sigmoid: the pool needs a C×H×W input and is given 32 values.
  await page.getByTestId('palette-maxpool2d').dragTo(card(page, 2), { targetPosition: { x: 40, y: 4 } });
  await expect(page.getByRole('list', { name: 'Layers, from input to output' }).getByRole('group')).toHaveCount(5);
  await expect(card(page, 2).getByRole('list', { name: /Problems at layer 2/ })).toContainText(
    'layer 2 (maxpool2d) needs a C×H×W input but layer 1 (linear) gives 32',
  );
  await expect(page.getByTestId('shape-2')).toContainText('32 → ?');
  await expect(page.getByTestId('shape-3')).toContainText('? → ?');
  await expect(page.getByTestId('shape-3')).toContainText('no parameters');
  await expect(page.getByTestId('shape-4')).toContainText('? → 1');
  await expect(page.getByTestId('shape-4')).toContainText('? parameters');
  await expect(page.getByTestId('shape-5')).toContainText('1 → 1');
  await expect(page.getByTestId('total-parameters')).toHaveText('?');
  for (const position of [3, 4, 5]) await expect(card(page, position).getByRole('list', { name: /Problems at layer/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Train this network' })).toBeDisabled();

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('builder-unknown-1280-light.png') });
  await page.getByLabel('Theme').selectOption('dark');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('builder-unknown-1920-dark.png') });

  await page.getByRole('button', { name: 'Remove layer 2 (Max pool)' }).click();
  await expect(page.getByTestId('total-parameters')).toHaveText('2,113');
  await expect(page.getByTestId('shape-3')).toContainText('32 → 1');
});
