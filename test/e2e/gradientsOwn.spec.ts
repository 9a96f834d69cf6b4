// End to end (Chromium against the browser host): the Gradient lab's overview of every activation, the per-entry heatmap of the exercise's db bug, a report gone stale, and the user's own activation checked, built into a network and trained.
import type { Page } from '@playwright/test';
import { expect, test } from './labFixture.js';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

async function openLab(page: Page, labUrl: string, name: RegExp): Promise<void> {
  await page.goto(labUrl);
  await page.getByRole('navigation', { name: 'Labs' }).getByRole('button', { name }).click();
}

async function switchLab(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Labs' }).getByRole('button', { name }).click();
}

test('shows every activation beside its gradient, and opens one in detail', async ({ page, labUrl }, testInfo) => {
  await openLab(page, labUrl, /Gradients/);
  const tiles = page.locator('[data-testid^="overview-"]');
  // One tile per activation the Function menu lists (every elementwise activation in the layer registry).
  await expect(page.locator('#function-id optgroup[label="Activations"] option')).toHaveCount(8);
  await expect(tiles).toHaveCount(8);
  for (const id of ['sigmoid', 'relu', 'tanh', 'gelu']) {
    const tile = page.getByTestId(`overview-${id}`);
    await expect(tile.getByRole('img', { name: /in the overview$/ }).locator('path.line-value')).toHaveAttribute('d', /^M/);
    await expect(tile.getByRole('img', { name: /^The gradient of .* in the overview$/ }).locator('path.line-numerical')).toHaveAttribute('d', /^M/);
  }
  await expect(page.getByTestId('overview-sigmoid')).toHaveClass(/chosen/);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: testInfo.outputPath(`overview-${size.width}.png`) });
  }
  await page.getByRole('button', { name: 'Open Tanh in detail' }).click();
  await expect(page.getByRole('combobox', { name: 'Function' })).toHaveValue('tanh');
  await expect(page.getByRole('img', { name: 'Tanh: the function' })).toBeInViewport();
  await expect(page.getByTestId('overview-tanh')).toHaveClass(/chosen/);
});

test("names a loss's argument p on its axis and at the point field", async ({ page, labUrl }) => {
  await openLab(page, labUrl, /Gradients/);
  await page.getByRole('combobox', { name: 'Function' }).selectOption('bce_y1');
  await expect(page.getByLabel('Point p')).toBeVisible();
  await expect(page.getByRole('img', { name: /Binary cross-entropy, target 1: the function/ })).toContainText('Prediction p');
  await page.getByLabel('Point p').fill('');
  await expect(page.getByTestId('functions-stale')).toContainText('the last values that worked');
  await expect(page.getByLabel('Point p')).toHaveAccessibleDescription(/Enter a number for the point p/);
});

test("draws the exercise's db bug as a red stripe under a blue dW, and puts a report away that no longer matches the form", async ({
  page,
  labUrl,
}, testInfo) => {
  await openLab(page, labUrl, /Gradients/);
  await page.getByLabel('Subject').selectOption('layer');
  await page.getByLabel('Layer', { exact: true }).selectOption('linear');
  await page.getByLabel('Units').fill('6');
  await page.getByLabel('Backward pass').selectOption('exercise-db');
  await page.getByRole('button', { name: 'Check', exact: true }).click();

  const heatmap = page.getByRole('img', { name: 'Relative error of each entry of the checked gradients' });
  await expect(heatmap).toBeVisible();
  const block = (name: string) => heatmap.locator(`g.block[data-name="${name}"]`);
  await expect(block('dW').locator('rect.cell')).toHaveCount(5 * 6);
  await expect(block('dW').locator('rect.cell.failing')).toHaveCount(0);
  await expect(block('db').locator('rect.cell')).toHaveCount(6);
  await expect(block('db').locator('rect.cell.failing')).toHaveCount(6);
  await expect(block('db')).toContainText('6 of 6 at or above 1e-5');
  await expect(heatmap).toContainText("1e-5: the exercise's threshold");
  // The stripe lies right under dW, one cell per unit, as wide as dW.
  const dW = (await block('dW').boundingBox())!;
  const db = (await block('db').locator('rect.cell').first().boundingBox())!;
  expect(db.y - (dW.y + dW.height)).toBeLessThan(8);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await heatmap.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`heatmap-db-${size.width}.png`) });
  }

  await page.getByLabel('Units').fill('5');
  await expect(page.getByTestId('gradcheck-stale')).toBeVisible();
  await page.getByLabel('Units').fill('2.5');
  await expect(page.getByTestId('gradcheck-put-away')).toBeVisible();
  await expect(heatmap).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Gradient check results' })).toHaveCount(0);
  await page.getByLabel('Units').fill('6');
  await expect(heatmap).toBeVisible();
  await expect(page.getByTestId('gradcheck-stale')).toHaveCount(0);
});

test('checks your own activation, refuses a wrong f′ as a layer, then builds a network with the one that passes and trains it', async ({
  page,
  labUrl,
}, testInfo) => {
  await openLab(page, labUrl, /Gradients/);
  await page.getByLabel('Activation name').fill('softsign');
  await page.getByLabel('Your f(x)').fill('x/(1+abs(x))');
  const df = page.getByLabel('Your f′(x) (optional)');

  // A typing mistake is marked at its column.
  await df.fill('1/(1+abs(x)^2');
  await page.getByRole('button', { name: 'Check f′' }).click();
  await expect(df).toHaveAttribute('aria-invalid', 'true');
  await expect(df).toHaveAccessibleDescription(/expected '\)' but found end of input at column 14/);
  await expect(page.getByTestId('own-df-mark').locator('mark')).toHaveText(' ');

  // One that parses but is wrong: ERROR with the worst point; not a layer, but the lab's derivative is offered.
  await df.fill('1/(1+abs(x))');
  await page.getByRole('button', { name: 'Check f′' }).click();
  const verdict = page.getByTestId('own-verdict');
  await expect(page.getByLabel('Your check as the exercise prints it')).toHaveText(/^err on f′: ERROR \d\.\de[+-]\d+$/);
  await expect(page.getByTestId('own-worst')).toContainText('Worst at x = ');
  await expect(verdict.getByRole('button', { name: 'Use as a layer' })).toBeDisabled();
  await expect(verdict.getByRole('button', { name: 'Use with the lab’s derivative of f' })).toBeEnabled();
  await expect(page.getByRole('img', { name: "Your activation's derivatives" }).locator('path.line-typed')).toHaveAttribute('d', /^M/);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.getByRole('heading', { name: 'Your own activation' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: testInfo.outputPath(`own-error-${size.width}.png`) });
  }

  // The right one passes and becomes a layer.
  await df.fill('1/(1+abs(x))^2');
  await expect(page.getByText('Stale: the expressions changed since this check')).toBeVisible();
  await page.getByRole('button', { name: 'Check f′' }).click();
  await expect(page.getByLabel('Your check as the exercise prints it')).toHaveText(/^err on f′: OK \d\.\de-\d+$/);
  await verdict.getByRole('button', { name: 'Use as a layer' }).click();
  await expect(page.getByRole('list', { name: 'Your activations' })).toContainText('softsign');
  await page.screenshot({ path: testInfo.outputPath('own-ok-1920.png') });

  // The builder's palette offers it; a network with it as its hidden activation is trained.
  await switchLab(page, /Network builder/);
  await page.setViewportSize(SIZES[0]);
  await expect(page.getByTestId('palette-own-softsign')).toBeVisible();
  await page.getByRole('button', { name: 'Load preset 64-32-ReLU-1-Sigmoid' }).click();
  await page.getByRole('button', { name: 'Remove layer 2 (ReLU)' }).click();
  await page.getByRole('button', { name: 'Add your softsign layer' }).click();
  await page.getByRole('button', { name: 'Move layer 4 (softsign, your activation) up' }).click();
  await page.getByRole('button', { name: 'Move layer 3 (softsign, your activation) up' }).click();
  await expect(page.getByRole('group', { name: /^2 softsign, your activation/ })).toContainText('x/(1+abs(x))');
  await expect(page.getByTestId('check-status')).toContainText('The shapes fit');
  await page.screenshot({ path: testInfo.outputPath('builder-own-1280.png'), fullPage: true });
  await page.setViewportSize(SIZES[1]);
  await page.screenshot({ path: testInfo.outputPath('builder-own-1920.png') });

  await page.getByRole('button', { name: 'Train this network' }).click();
  await page.getByLabel('Data set').selectOption('digits-binary');
  await page.getByLabel('Network preset').selectOption({ label: 'From the builder: Built network' });
  await expect(page.getByRole('row', { name: /softsign, your activation/ })).toBeVisible();
  await page.getByLabel('Epochs').fill('5');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('final-accuracy')).toContainText(/\d/);
  await page.screenshot({ path: testInfo.outputPath('trained-own-1920.png') });
});

test('checks a typed activation as a layer in the gradient-check form, its typing mistake said at the field', async ({ page, labUrl }) => {
  await openLab(page, labUrl, /Gradients/);
  await page.getByLabel('Subject').selectOption('layer');
  await page.getByLabel('Layer', { exact: true }).selectOption('custom_activation');
  const f = page.locator('#setting-f');
  await f.fill('x/(1+exp(-x)');
  await expect(f).toHaveAttribute('aria-invalid', 'true');
  await expect(f).toHaveAccessibleDescription(/expected '\)' but found end of input at column 13/);
  await expect(page.getByRole('button', { name: 'Check', exact: true })).toBeDisabled();
  await f.fill('x/(1+exp(-x))');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('gradcheck-summary')).toContainText('All 1 checks OK');
});
