// End to end (Chromium against the browser host): the Gradient lab used as a person would — a function and its derivative, epsilon, gradient checks.
import type { Page } from '@playwright/test';
import { childPidsOf, startBrowserHost, stopBrowserHost } from '../host/browserHostProcess.js';
import { expect, test } from './labFixture.js';

/** Opens the app and goes to the Gradient lab through the navigation; waits for the first function to be drawn. */
async function openGradients(page: Page, labUrl: string): Promise<void> {
  await page.goto(labUrl);
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Gradients/ })
    .click();
  await expect(page.getByRole('img', { name: /the function$/ })).toBeVisible();
}

test('draws the sigmoid and its derivative, then the error against the epsilon the user types', async ({ page, labUrl }, testInfo) => {
  await openGradients(page, labUrl);
  await expect(page.getByRole('combobox', { name: 'Function' })).toHaveValue('sigmoid');
  const fn = page.getByRole('img', { name: 'Sigmoid: the function' });
  const derivative = page.getByRole('img', { name: 'Sigmoid: symbolic and numerical derivative' });
  await expect(fn.locator('path.line-value')).toHaveAttribute('d', /^M/);
  await expect(derivative.locator('path.line-symbolic')).toHaveAttribute('d', /^M/);
  await expect(derivative.locator('path.line-numerical')).toHaveAttribute('d', /^M/);
  await expect(derivative.locator('circle.point-numerical')).toHaveCount(41); // every 5th of 201 samples: none is visibly off
  await expect(derivative).toContainText('Central difference');

  const errorChart = page.getByRole('img', { name: 'Error of the central difference against epsilon' });
  await expect(errorChart).toContainText('your ε = 1e-3');
  await expect(errorChart).toContainText('round-off');
  await expect(errorChart).toContainText('truncation');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('sigmoid.png') });

  const epsilon = page.getByLabel('Epsilon ε');
  await epsilon.fill('0');
  await expect(epsilon).toHaveAttribute('aria-invalid', 'true');
  await expect(epsilon).toHaveAccessibleDescription(/positive/);
  await expect(errorChart).toContainText('your ε = 1e-3'); // the last good charts stay

  await epsilon.fill('1e-7');
  await expect(epsilon).not.toHaveAttribute('aria-invalid', 'true');
  await expect(errorChart).toContainText('your ε = 1e-7');
  await expect(page.getByRole('img', { name: 'Sigmoid: symbolic and numerical derivative' })).toContainText('ε = 1e-7');
  await page.getByRole('img', { name: 'Error of the central difference against epsilon' }).screenshot({ path: testInfo.outputPath('error-chart.png') });
});

test('marks the kink of ReLU, and clicking the chart picks the point x', async ({ page, labUrl }, testInfo) => {
  await openGradients(page, labUrl);
  await page.getByRole('combobox', { name: 'Function' }).selectOption('relu');
  await page.getByLabel('Epsilon ε').fill('0.5');
  const derivative = page.getByRole('img', { name: 'ReLU: symbolic and numerical derivative' });
  await expect(derivative).toContainText('kink at 0');
  await expect(page.getByRole('note').filter({ hasText: 'wrong by design' })).toBeVisible();

  const plot = derivative.locator('rect.pick');
  await plot.scrollIntoViewIfNeeded(); // the overview of every activation sits above the detail
  const box = (await plot.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.53, box.y + box.height / 2);
  await expect.poll(async () => Number(await page.getByLabel('Point x').inputValue())).toBeCloseTo(0.3, 0);
  await expect(page.getByLabel('Point x')).toHaveValue(/^0\.\d\d?$/); // rounded to a hundredth of the span
  await expect(page.getByText(/straddles the kink and the error jumps/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('relu-kink.png'), fullPage: true });
});

test("checks a linear layer: all OK with the correct backward pass, db ERROR with the exercise's db bug", async ({ page, labUrl }, testInfo) => {
  await openGradients(page, labUrl);
  await page.getByLabel('Subject').selectOption('layer');
  await page.getByLabel('Layer', { exact: true }).selectOption('linear');
  await page.getByLabel('Units').fill('4');
  await page.getByLabel('Backward pass').selectOption('correct');
  await page.getByRole('button', { name: 'Check', exact: true }).click();

  const table = page.getByRole('table', { name: 'Gradient check results' });
  await expect(table.getByRole('row')).toHaveCount(4); // header, dx, dW, db
  for (const name of ['dx', 'dW', 'db']) await expect(table.getByRole('row', { name: new RegExp(`^${name}\\b`) })).toContainText('OK');
  await expect(page.getByTestId('gradcheck-summary')).toContainText('All 3 checks OK');
  await page.screenshot({ path: testInfo.outputPath('gradcheck-correct.png'), fullPage: true });

  await page.getByLabel('Backward pass').selectOption('exercise-db');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(table.getByRole('row', { name: /^db\b/ })).toContainText('ERROR');
  await expect(table.getByRole('row', { name: /^dW\b/ })).toContainText('OK');
  await expect(page.getByTestId('gradcheck-summary')).toContainText('1 of 3 checks failed');
  await expect(page.getByRole('note').filter({ hasText: 'divides it by the batch size' })).toBeVisible();
  await page.getByText('As the exercise prints it').click();
  await expect(page.getByLabel('The report as the exercise prints it')).toContainText(/err on db\s*: ERROR \d\.\de[+-]\d/);
  await page.screenshot({ path: testInfo.outputPath('gradcheck-exercise-db.png'), fullPage: true });
});

test('checks the exercise network and says at the field when units are not a whole number or the variant does not fit', async ({ page, labUrl }, testInfo) => {
  await openGradients(page, labUrl);
  const units = page.getByLabel('Units');
  await units.fill('2.5');
  await expect(units).toHaveAttribute('aria-invalid', 'true');
  await expect(units).toHaveAccessibleDescription(/whole number/);
  await expect(page.getByRole('button', { name: 'Check', exact: true })).toBeDisabled();
  await units.fill('3');
  await expect(page.getByRole('button', { name: 'Check', exact: true })).toBeEnabled();

  await page.getByLabel('Layer', { exact: true }).selectOption('relu');
  await page.getByLabel('Backward pass').selectOption('exercise-sigmoid-grad');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const variant = page.getByLabel('Backward pass');
  await expect(variant).toHaveAttribute('aria-invalid', 'true');
  await expect(variant).toHaveAccessibleDescription(/sigmoid/);

  await page.getByLabel('Subject').selectOption('network');
  await expect(variant).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Network').selectOption({ label: 'linear:32,relu,linear:1,sigmoid (input 64)' });
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const table = page.getByRole('table', { name: 'Gradient check results' });
  await expect(table.getByRole('row', { name: /^dx\b/ })).toContainText('ERROR');
  await expect(page.getByRole('note').filter({ hasText: 'sigmoid_grad(grad_y_hat)' })).toBeVisible();
  await page.setViewportSize({ width: 700, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('gradcheck-network-narrow.png'), fullPage: true });
});

test("shows the engine's crash during a check and checks again on Retry", async ({ page }, testInfo) => {
  const host = await startBrowserHost(); // its own host, since the test kills its engine
  try {
    await openGradients(page, host.url);
    await page.getByLabel('Subject').selectOption('network');
    await page.getByLabel('Network').selectOption({ label: 'linear:32,relu,linear:16,relu,linear:8,relu,linear:1,sigmoid (input 64)' });
    await page.getByLabel('Rows').fill('256');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Checking…' })).toBeVisible();
    const engines = childPidsOf(host.process.pid!);
    expect(engines).toHaveLength(1);
    process.kill(engines[0]!, 'SIGKILL');

    const alert = page.getByRole('alert').filter({ hasText: 'The check did not run' });
    await expect(alert).toBeVisible();
    await expect(page.getByLabel('Rows')).toHaveValue('256'); // nothing lost
    await page.screenshot({ path: testInfo.outputPath('engine-crashed.png') });

    await page.getByLabel('Rows').fill('2');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByTestId('gradcheck-summary')).toContainText('All 9 checks OK', { timeout: 60_000 });
  } finally {
    await stopBrowserHost(host.process);
  }
});

test('draws GELU, an activation the layer registry adds, and checks an ELU layer with its alpha', async ({ page, labUrl }, testInfo) => {
  await openGradients(page, labUrl);
  await page.getByRole('combobox', { name: 'Function' }).selectOption('gelu');
  const fn = page.getByRole('img', { name: 'GELU: the function' });
  await expect(fn.locator('path.line-value')).toHaveAttribute('d', /^M/);
  await expect(page.getByRole('img', { name: 'GELU: symbolic and numerical derivative' }).locator('path.line-symbolic')).toHaveAttribute('d', /^M/);

  await page.getByLabel('Subject').selectOption('layer');
  await page.getByLabel('Layer', { exact: true }).selectOption('elu');
  await page.getByLabel('Alpha').fill('0.5');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const table = page.getByRole('table', { name: 'Gradient check results' });
  await expect(table.getByRole('row', { name: /^dx\b/ })).toContainText('OK');
  await expect(page.getByTestId('gradcheck-summary')).toContainText('All 1 checks OK');
  await page.screenshot({ path: testInfo.outputPath('gelu-and-elu.png'), fullPage: true });
});
