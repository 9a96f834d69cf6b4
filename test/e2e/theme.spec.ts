// End to end (Chromium against the browser host): the light and dark themes — following the system, chosen in the title bar, every lab drawn in dark.
import type { Page } from '@playwright/test';
import { DARK_COLOURS, COLOURS } from '../../plots/theme.js';
import { expect, test } from './labFixture.js';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Labs' });
const goTo = (page: Page, lab: RegExp) => nav(page).getByRole('button', { name: lab }).click();
const rootColour = (page: Page, variable: string) =>
  page.evaluate((name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim(), variable);
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

test('follows the system until a theme is chosen, and remembers the choice', async ({ page, labUrl }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(labUrl);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await rootColour(page, '--bg')).toBe(DARK_COLOURS.bg);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await rootColour(page, '--bg')).toBe(COLOURS.bg);

  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(page)).toBe('rgb(18, 22, 28)');
  await page.reload();
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await page.getByLabel('Theme').selectOption('system');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('every lab in the dark theme, its charts painted in the dark palette', async ({ page, labUrl }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(labUrl);
  await page.getByLabel('Data set').selectOption('iris');
  await expect(page.getByLabel('Network preset').locator('option:checked')).toHaveText('For iris: 4-32-ReLU-3-Softmax');
  await expect(page.getByLabel('Network preset')).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Epochs').fill('20');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/completed 20 epochs/i, { timeout: 60_000 });
  // The axes' text is the dark theme's, written on the elements.
  const axisText = page
    .getByRole('img', { name: /Loss per epoch/ })
    .locator('.axis-label')
    .first();
  await expect(axisText).toHaveAttribute('fill', DARK_COLOURS.text);

  await goTo(page, /Optimizer/);
  await page.getByRole('button', { name: 'Step 0.15 × 500 steps' }).click();
  await expect(page.getByTestId('final-value')).toContainText('Minimum value found');
  // The map's diverged cells, like its legend, take the dark theme's colour.
  const mapPanel = page.getByRole('region', { name: 'Convergence map' });
  await mapPanel.getByLabel('To').first().fill('1e300');
  await mapPanel.getByLabel('Values').first().fill('10');
  await mapPanel.getByLabel('Values').nth(1).fill('3');
  await mapPanel.getByRole('button', { name: 'Compute map' }).click();
  const map = page.getByRole('group', { name: /^Convergence map/ });
  await expect(map.locator('rect.cell')).toHaveCount(30);
  await expect(map.locator('rect.cell.diverged').first()).toHaveAttribute('fill', DARK_COLOURS.diverged);
  await goTo(page, /Gradients/);
  await page.getByLabel('Subject').selectOption('layer');
  await page.getByLabel('Backward pass').selectOption('exercise-db');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('gradcheck-summary')).toContainText('1 of 3 checks failed');
  // The heatmap of the check is drawn on the dark ground, its words in the dark theme's text colour.
  const heatmap = page.getByRole('img', { name: 'Relative error of each entry of the checked gradients' });
  await expect(heatmap.locator('rect').first()).toHaveAttribute('fill', DARK_COLOURS.surface);
  await expect(heatmap.locator('text').first()).toHaveAttribute('fill', DARK_COLOURS.text);

  const labs: [string, string][] = [
    ['Optimizer', 'optimizer'],
    ['Gradients', 'gradients'],
    ['Network builder', 'builder'],
    ['Training', 'training'],
    ['Compare', 'compare'],
    ['Export', 'export'],
  ];
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const [title, name] of labs) {
      await goTo(page, new RegExp(title));
      await expect(page.getByRole('main')).toHaveAccessibleName(`${title} lab`);
      await page.screenshot({ path: testInfo.outputPath(`dark-${name}-${width}.png`), fullPage: true });
    }
  }
  await goTo(page, /Training/);
  await expect(page.getByRole('button', { name: 'Analyse run #1' })).toHaveText('Analysed');
  const matrix = page.getByRole('table', { name: /Confusion matrix/ });
  await expect(matrix).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('dark-analysis-1920.png'), fullPage: true });
  // Counts on the light cells are dark, on the dark cells light, in either theme.
  await expect(matrix.locator('td.count:not(.dark)').first()).toHaveCSS('color', 'rgb(29, 37, 48)');
  await expect(matrix.locator('td.count.dark').first()).toHaveCSS('color', 'rgb(255, 255, 255)');
  await matrix.screenshot({ path: testInfo.outputPath('dark-confusion-matrix.png') });
});
