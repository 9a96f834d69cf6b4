// End to end (Chromium against the browser host): the Optimizer lab used as a person would — contours, the exercise's runs, a clicked start, a comparison, bad input.
import type { Page } from '@playwright/test';
import { expect, test } from './labFixture.js';

/** Opens the lab and goes to the Optimizer lab through the navigation; waits for the contours. */
async function openOptimizer(page: Page, labUrl: string): Promise<void> {
  await page.goto(labUrl);
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Optimizer/ })
    .click();
  await expect(contourPlot(page).locator('path.contour-band').first()).toBeVisible();
}

const contourPlot = (page: Page) => page.getByRole('group', { name: /^Contour plot of/ });
const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });
const finalValue = (page: Page) => page.getByTestId('final-value');
const legendEntries = (page: Page) => page.getByRole('list', { name: 'Paths on the plot' }).getByRole('listitem');

test("draws the exercise surface and reproduces the exercise's three runs", async ({ page, labUrl }, testInfo) => {
  await openOptimizer(page, labUrl);
  await expect(contourPlot(page)).toHaveAccessibleName(/x² \+ y² \+ x\(y \+ 2\) \+ cos 3x/);
  expect(await contourPlot(page).locator('path.contour-band').count()).toBeGreaterThan(5);
  await expect(page.getByLabel('Surface')).toHaveValue('exercise');

  await page.getByRole('button', { name: 'Step 0.1 × 10 steps' }).click();
  await expect(finalValue(page)).toContainText('Minimum value found');
  await expect(finalValue(page)).toContainText(/= 1\.29676/);
  await expect(contourPlot(page).locator('.descent-path')).toHaveCount(1);
  await expect(contourPlot(page).locator('.descent-path .dot')).toHaveCount(11);
  await expect(page.getByRole('img', { name: /Learning curve/ }).locator('.curve circle')).toHaveCount(11);
  await page.screenshot({ path: testInfo.outputPath('optimizer-run-1.png'), fullPage: true });

  await page.getByRole('button', { name: 'Step 0.15 × 500 steps' }).click();
  await expect(finalValue(page)).toContainText(/= [−-]2\.28071/);
  await expect(page.getByLabel('Steps')).toHaveValue('500');

  await page.getByRole('button', { name: 'Step 0.5 × 100, decay 0.95' }).click();
  await expect(page.getByLabel('Decay')).toHaveValue('0.95');
  await expect(finalValue(page)).toContainText(/= [−-]2\.28071/);
});

test('a click on the plot moves the start, and a second optimizer joins the comparison', async ({ page, labUrl }, testInfo) => {
  await openOptimizer(page, labUrl);
  await page.getByRole('button', { name: 'Step 0.1 × 10 steps' }).click();
  await expect(finalValue(page)).toContainText(/= 1\.29676/);
  const before = await finalValue(page).textContent();

  // A click in the lower left quarter of the plot: the start fields follow, and a run from there ends elsewhere.
  const pick = page.getByRole('button', { name: /Pick the start point/ });
  const box = (await pick.boundingBox())!;
  await pick.click({ position: { x: box.width * 0.2, y: box.height * 0.8 } });
  const startX = Number(await page.getByLabel('Start x').inputValue());
  const startY = Number(await page.getByLabel('Start y').inputValue());
  expect(startX).toBeGreaterThan(-4);
  expect(startX).toBeLessThan(-2);
  expect(startY).toBeGreaterThan(-4);
  expect(startY).toBeLessThan(-2);
  await runButton(page).click();
  await expect(finalValue(page)).not.toHaveText(before ?? '');
  await expect(contourPlot(page).locator('.descent-path')).toHaveCount(1);

  // Keep this SGD path, then run Adam from the same start: two paths, two legend entries.
  await page.getByRole('button', { name: 'Add to comparison' }).click();
  await page.getByLabel('Optimizer', { exact: true }).selectOption('adam');
  await page.getByLabel('Step size').fill('0.5');
  await page.getByLabel('Steps').fill('60');
  await runButton(page).click();
  await expect(contourPlot(page).locator('.descent-path')).toHaveCount(2);
  await expect(legendEntries(page)).toHaveCount(2);
  await expect(legendEntries(page).nth(0)).toContainText('SGD, step 0.1 × 10 steps');
  await expect(legendEntries(page).nth(1)).toContainText('Adam, step 0.5 × 60 steps');
  await expect(page.getByRole('img', { name: /Learning curve/ }).locator('.curve path')).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath('optimizer-comparison.png'), fullPage: true });

  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(contourPlot(page).locator('.descent-path')).toHaveCount(0);
});

test('a typed function is plotted, and a typing mistake is shown at the field with its position marked', async ({ page, labUrl }, testInfo) => {
  await openOptimizer(page, labUrl);
  const expression = page.getByLabel('Your function of x and y');
  await expression.fill('sin(x)*cos(y) + x^2/10');
  await page.getByRole('button', { name: 'Plot', exact: true }).click();
  await expect(contourPlot(page)).toHaveAccessibleName('Contour plot of sin(x)*cos(y) + x^2/10');
  await expect(page.getByLabel('Surface')).toHaveValue('custom');
  await runButton(page).click();
  await expect(finalValue(page)).toContainText('Minimum value found');

  await expression.fill('sin(x)*cos(y) + x^/10');
  await page.getByRole('button', { name: 'Plot', exact: true }).click();
  await expect(expression).toHaveAttribute('aria-invalid', 'true');
  await expect(expression).toHaveAccessibleDescription(/column 19/);
  await expect(page.locator('.mark mark')).toHaveText('/');
  // Nothing lost: the plot still shows the function drawn before, with its path.
  await expect(contourPlot(page)).toHaveAccessibleName('Contour plot of sin(x)*cos(y) + x^2/10');
  await expect(contourPlot(page).locator('.descent-path')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('optimizer-bad-expression.png') });
});

test('bad settings get a message at the field and disable Run until they are fixed', async ({ page, labUrl }, testInfo) => {
  await openOptimizer(page, labUrl);
  const cases: [string, string, RegExp][] = [
    ['Step size', '-0.1', /positive number/],
    ['Steps', '2.5', /whole number/],
    ['Steps', '100001', /at most 100,000/i],
    ['Decay', '1.5', /above 0 and at most 1/],
  ];
  for (const [label, bad, message] of cases) {
    const field = page.getByLabel(label, { exact: true });
    const good = await field.inputValue();
    await field.fill(bad);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(message);
    await expect(runButton(page)).toBeDisabled();
    if (label === 'Decay') await page.screenshot({ path: testInfo.outputPath('optimizer-bad-decay.png') });
    await field.fill(good);
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
    await expect(runButton(page)).toBeEnabled();
  }
});

test('a step size far too large diverges: the sentence is shown and the path is drawn up to where it left the finite numbers', async ({
  page,
  labUrl,
}, testInfo) => {
  await openOptimizer(page, labUrl);
  await page.getByLabel('Step size').fill('1e200');
  await runButton(page).click();
  await expect(finalValue(page)).toContainText(/diverged: the path left the finite numbers/);
  await expect(legendEntries(page)).toHaveCount(1);
  await expect(legendEntries(page).first()).toContainText(/Diverged/);
  await page.setViewportSize({ width: 700, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('optimizer-diverged-narrow.png'), fullPage: true });
});
