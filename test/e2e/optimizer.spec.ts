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

const contourMarker = (page: Page) => contourPlot(page).locator('.descent-path circle.playhead');
const curveMarker = (page: Page) => page.getByRole('img', { name: /Learning curve/ }).locator('.step-marker circle.playhead');
const stepShown = (page: Page) => page.getByTestId('playback-step');

test('the path plays step by step: the marker moves on the contour plot and the learning curve, and the scrubber moves it', async ({
  page,
  labUrl,
}, testInfo) => {
  await openOptimizer(page, labUrl);
  await page.getByRole('button', { name: 'Step 0.15 × 500 steps' }).click();
  await expect(finalValue(page)).toContainText(/= [−-]2\.28071/);
  const playback = page.getByRole('group', { name: 'Playback of the paths' });
  await expect(playback.getByRole('button', { name: 'Pause' })).toBeVisible();

  // Playing: the marker's step grows on both charts, and it moves across the plot.
  await expect(contourMarker(page)).toHaveCount(1);
  const firstStep = Number(await contourMarker(page).getAttribute('data-step'));
  const firstAt = await contourMarker(page).getAttribute('cx');
  await expect.poll(async () => Number(await contourMarker(page).getAttribute('data-step'))).toBeGreaterThan(firstStep + 5);
  expect(await contourMarker(page).getAttribute('cx')).not.toBe(firstAt);
  await expect
    .poll(async () =>
      Number(
        await page
          .getByRole('img', { name: /Learning curve/ })
          .locator('.step-marker')
          .getAttribute('data-step'),
      ),
    )
    .toBeGreaterThan(5);
  await playback.getByRole('button', { name: 'Pause' }).click();
  await expect(playback.getByRole('button', { name: 'Play' })).toBeVisible();

  // The scrubber puts both markers at the step it is set to, and moves them back along the path.
  const scrubber = page.getByLabel('Step shown');
  await scrubber.fill('2');
  await expect(stepShown(page)).toHaveText('Step 2 of 500');
  await expect(contourMarker(page)).toHaveAttribute('data-step', '2');
  await expect(page.getByRole('img', { name: /Learning curve/ }).locator('.step-marker')).toHaveAttribute('data-step', '2');
  const early = { cx: Number(await contourMarker(page).getAttribute('cx')), curve: Number(await curveMarker(page).getAttribute('cx')) };
  await scrubber.fill('40');
  await expect(contourMarker(page)).toHaveAttribute('data-step', '40');
  const later = { cx: Number(await contourMarker(page).getAttribute('cx')), curve: Number(await curveMarker(page).getAttribute('cx')) };
  expect(later.cx).not.toBe(early.cx);
  expect(later.curve).toBeGreaterThan(early.curve);
  await expect(curveMarker(page).locator('title')).toHaveText(/step 40: f = /);
  await page.screenshot({ path: testInfo.outputPath('optimizer-playback-1280.png') });

  // Show all: the whole path, the marker at its end; Play starts over.
  await playback.getByRole('button', { name: 'Show all' }).click();
  await expect(stepShown(page)).toHaveText('Step 500 of 500');
  await playback.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await contourMarker(page).getAttribute('data-step'))).toBeLessThan(500);
});

test('an exercise run pressed while another surface is shown runs at the first press, and the constants sit at the optimizer', async ({ page, labUrl }) => {
  await openOptimizer(page, labUrl);
  await page.getByLabel('Surface').selectOption('rosenbrock');
  await expect(contourPlot(page)).toHaveAccessibleName(/Rosenbrock/);
  await page.getByRole('button', { name: 'Step 0.1 × 10 steps' }).click();
  await expect(contourPlot(page)).toHaveAccessibleName(/x² \+ y² \+ x\(y \+ 2\) \+ cos 3x/);
  await expect(finalValue(page)).toContainText(/= 1\.29676/);

  // Each optimizer shows its own constants with the config's defaults; a bad one is refused at its field.
  const optimizer = page.getByLabel('Optimizer', { exact: true });
  await optimizer.selectOption('adam');
  await expect(page.getByLabel('β1', { exact: true })).toHaveValue('0.9');
  await expect(page.getByLabel('β2', { exact: true })).toHaveValue('0.999');
  await expect(page.getByLabel('ε', { exact: true })).toHaveValue('1e-8');
  await expect(page.getByLabel('Within ε of the best')).toHaveValue('0.001');
  await page.getByLabel('β1', { exact: true }).fill('1.5');
  await expect(page.getByLabel('β1', { exact: true })).toHaveAccessibleDescription(/below 1/);
  await expect(runButton(page)).toBeDisabled();
  await page.getByLabel('β1', { exact: true }).fill('0.8');
  await runButton(page).click();
  await expect(legendEntries(page).first()).toContainText('Adam (β1 0.8), step 0.1 × 10 steps');
  await optimizer.selectOption('rmsprop');
  await expect(page.getByLabel('ρ', { exact: true })).toHaveValue('0.9');
  await optimizer.selectOption('momentum');
  await expect(page.getByLabel('Momentum μ', { exact: true })).toHaveValue('0.9');
  await page.getByLabel('Nesterov (look ahead)').check();
  await expect(optimizer).toHaveValue('nesterov');
});

test('a run that leaves the region around the plot is called diverged at that step, never a minimum', async ({ page, labUrl }, testInfo) => {
  await openOptimizer(page, labUrl);
  await page.getByLabel('Step size').fill('1.2');
  await page.getByLabel('Steps').fill('200');
  await runButton(page).click();
  await expect(finalValue(page)).toContainText(/^\s*Diverged at step 4; last point f\(/);
  await expect(finalValue(page)).not.toContainText('Minimum value found');
  await expect(finalValue(page)).toContainText('the path left the region x ∈ [-105, 105], y ∈ [-105, 105] at step 4');
  await expect(legendEntries(page).first()).toContainText('Diverged at step 4');
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(contourPlot(page).locator('.descent-path .dot')).toHaveCount(4);
  await page.screenshot({ path: testInfo.outputPath('optimizer-diverged-region.png') });
});

test('the step-size × decay map appears with the exercise tuning points, and a clicked cell runs its setting and draws its path', async ({
  page,
  labUrl,
}, testInfo) => {
  await openOptimizer(page, labUrl);
  await page.getByLabel('Steps').fill('100');
  const panel = page.getByRole('region', { name: 'Convergence map' });
  await panel.getByRole('button', { name: 'Compute map' }).click();
  const map = page.getByRole('group', { name: /^Convergence map/ });
  await expect(map.locator('rect.cell')).toHaveCount(25 * 21);
  await expect(map.locator('g.todo')).toHaveCount(2);
  expect(await map.locator('rect.cell.diverged').count()).toBeGreaterThan(0);
  expect(await map.locator('rect.cell.value').count()).toBeGreaterThan(400);
  await expect(map.locator('rect.cell[data-column="12"][data-row="10"] title')).toHaveText('step 0.1, decay 0.9: final f = 1.309190');

  const cell = map.locator('rect.cell[data-column="12"][data-row="10"]');
  await cell.scrollIntoViewIfNeeded();
  const box = (await cell.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByLabel('Step size')).toHaveValue('0.1');
  await expect(page.getByLabel('Decay')).toHaveValue('0.9');
  await expect(legendEntries(page)).toHaveCount(1);
  await expect(legendEntries(page).first()).toContainText('SGD, step 0.1 × 100 steps, decay 0.9, from (3, 2)');
  await expect(contourPlot(page).locator('.descent-path')).toHaveCount(1);
  await expect(page.getByTestId('map-cell-run')).toContainText('= 1.309190');
  await expect(map.locator('rect.selected')).toHaveCount(1);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('optimizer-map-1920.png'), fullPage: true });

  await panel.getByLabel('Measure').selectOption('steps');
  await expect(map).toHaveAccessibleName(/Steps to within ε = 0.001 of the best f/);
  await expect(map.locator('rect.cell.never').first()).toBeVisible();
});

test('a map whose step sizes overflow shows them as diverged cells and computes the rest; a long map can be stopped', async ({ page, labUrl }) => {
  await openOptimizer(page, labUrl);
  const panel = page.getByRole('region', { name: 'Convergence map' });
  await panel.getByLabel('To').first().fill('1e300');
  await panel.getByLabel('Values').first().fill('10');
  await panel.getByLabel('Values').nth(1).fill('3');
  await panel.getByRole('button', { name: 'Compute map' }).click();
  const map = page.getByRole('group', { name: /^Convergence map/ });
  await expect(map.locator('rect.cell')).toHaveCount(30);
  await expect(map.locator('rect.cell[data-column="9"][data-row="0"] title')).toHaveText(/diverged at step 1$/);
  expect(await map.locator('rect.cell.value').count()).toBeGreaterThan(0);

  await panel.getByLabel('To').first().fill('1');
  await panel.getByLabel('Values').first().fill('40');
  await panel.getByLabel('Values').nth(1).fill('40');
  await page.getByLabel('Steps').fill('2500');
  await panel.getByRole('button', { name: 'Compute map' }).click();
  await expect(panel.getByTestId('map-status')).toContainText(/of 1600 runs/);
  await panel.getByRole('button', { name: 'Stop' }).click();
  await expect(panel.getByTestId('map-status')).toContainText(/^Stopped after \d+ of \d+ runs$/);
  await expect(panel.getByRole('button', { name: 'Compute map' })).toBeEnabled();
  // The map computed before stays.
  await expect(map.locator('rect.cell')).toHaveCount(30);
});
