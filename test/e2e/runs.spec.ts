// End to end (Chromium against the browser host): finished runs as a person keeps them — their record, overlaid with a legend, renamed, deleted;
// a train fraction of 1; what went wrong said plainly; the linear collapse beside a trained 64-1-Sigmoid; the analysis laid out for reading.
import type { Page } from '@playwright/test';
import { expect, test } from './labFixture.js';

async function openTraining(page: Page, labUrl: string): Promise<void> {
  await page.goto(labUrl);
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Training/ })
    .click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
}

async function train(page: Page, settings: { preset?: string; data?: string; epochs: number; lr?: number; fraction?: number }): Promise<void> {
  if (settings.data) {
    await page.getByLabel('Data set').selectOption(settings.data);
    if (!settings.preset && settings.data !== 'digits-binary') {
      // The network offered for the data: one fitted to it ("For iris: …") or a preset made for it ("Digits convnet …").
      await expect(page.getByLabel('Network preset').locator('option:checked')).toHaveText(new RegExp(`^For ${settings.data}:|^${settings.data}\\b`, 'i'));
      await expect(page.getByLabel('Network preset')).not.toHaveAttribute('aria-invalid', 'true');
    }
  }
  if (settings.preset) await page.getByLabel('Network preset').selectOption({ label: settings.preset });
  await page.getByLabel('Epochs').fill(String(settings.epochs));
  if (settings.lr !== undefined) await page.getByLabel('Learning rate').fill(String(settings.lr));
  if (settings.fraction !== undefined) await page.getByLabel('Train fraction').fill(String(settings.fraction));
  await expect(page.getByLabel('Network preset')).not.toHaveAttribute('aria-invalid', 'true', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^(Completed|Stopped|Diverged)$/ })).toBeVisible();
}

const shots = async (page: Page, name: string, path: (file: string) => string) => {
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path(`${name}-${width}.png`), fullPage: true });
  }
};

test('lists each run with its record, overlays two with a legend on the log loss axis, renames one and deletes the other', async ({ page, labUrl }) => {
  await openTraining(page, labUrl);
  await train(page, { preset: '64-32-ReLU-1-Sigmoid', epochs: 6 });
  await train(page, { preset: '64-1-Sigmoid', epochs: 9 });
  const history = page.getByRole('region', { name: 'Run history' });
  await expect(history.getByRole('listitem')).toHaveCount(2);

  const record = history.getByRole('definition');
  const first = history.getByLabel('Record of run #1');
  await expect(first).toContainText('Data digits-binary, train fraction 0.5');
  await expect(first).toContainText('Network linear:32,relu,linear:1,sigmoid');
  await expect(first).toContainText('Optimizer SGD');
  await expect(first).toContainText('Learning rate 0.01');
  await expect(first).toContainText('Minibatch 10');
  await expect(first).toContainText('Reduction sum');
  await expect(first).toContainText('Epochs 6');
  await expect(first).toContainText('Seed 1');
  await expect(first).toContainText(/Train loss, accuracy 0\.\d{4}, \d+\.\d%/);
  await expect(first).toContainText(/Test loss, accuracy 0\.\d{4}, \d+\.\d%/);
  await expect(first).toContainText(/Duration \d+(\.\d+)? s/);
  expect(await record.count()).toBe(22);

  for (const box of await history.getByRole('checkbox', { name: /^Overlay/ }).all()) await box.check();
  const legend = page.getByRole('list', { name: 'Runs overlaid' }).getByRole('listitem');
  await expect(legend).toHaveCount(2);
  const loss = page.getByRole('img', { name: 'Loss per epoch' });
  await expect(loss.locator('.line-overlay')).toHaveCount(4);
  const linearPath = await loss.locator('.line-overlay').first().getAttribute('d');
  await page.getByLabel('Log scale for the loss').check();
  await expect(loss.locator('.line-overlay').first()).not.toHaveAttribute('d', linearPath!);
  await expect(loss.locator('.line-overlay')).toHaveCount(4);
  await expect(loss.getByText('0.1', { exact: true })).toBeVisible();
  await shots(page, 'history-overlay-log', (f) => test.info().outputPath(f));

  await history.getByRole('button', { name: 'Rename run #2' }).click();
  const name = history.getByLabel('New name of run #2');
  await name.fill('one layer, nine epochs');
  await name.press('Enter');
  await expect(history.getByRole('listitem').first()).toContainText('#2 one layer, nine epochs');
  await expect(legend.nth(1)).toContainText('#2 one layer, nine epochs');

  await history.getByRole('button', { name: 'Delete run #1' }).click();
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(legend).toHaveCount(1);
});

test('a train fraction of 1 trains on every row and reports no test metrics', async ({ page, labUrl }) => {
  await openTraining(page, labUrl);
  await train(page, { data: 'iris', epochs: 5, fraction: 1 });
  await expect(page.getByText(/^150 training and no test samples \(every row trains\)/)).toBeVisible();
  await expect(page.getByTestId('final-accuracy')).toContainText(/Final train accuracy: \d+\.\d%/);
  const curves = page.getByRole('img', { name: 'Loss per epoch' });
  await expect(curves.locator('.line-train')).toHaveCount(1);
  await expect(curves.locator('.line-test')).toHaveCount(0);
  const record = page.getByRole('region', { name: 'Run history' }).getByLabel('Record of run #1');
  await expect(record).toContainText('Test loss, accuracy no test set');
  await expect(page.getByText('on its training set (the run kept no test set)')).toBeVisible();
  await expect(page.getByRole('table').filter({ hasText: 'Confusion matrix on the 150 training samples' })).toBeVisible();
});

test('says a run with lr 5 predicts one class for every sample, and why', async ({ page, labUrl }) => {
  await openTraining(page, labUrl);
  await train(page, { preset: '64-32-ReLU-1-Sigmoid', data: 'digits-binary', epochs: 5, lr: 5 });
  const wrong = page.getByLabel('What went wrong');
  await expect(wrong).toContainText(/The network predicts class "(0–4|5–9)" for every test sample/);
  await expect(wrong).toContainText('learning rate too large (5)');
  await shots(page, 'diagnosis', (f) => test.info().outputPath(f));
});

test('puts the collapsed 64×1 weights beside a 64-1-Sigmoid trained with the same settings, with both accuracies', async ({ page, labUrl }) => {
  await openTraining(page, labUrl);
  await train(page, { preset: '64-32-1-Sigmoid (no ReLU)', data: 'digits-binary', epochs: 10 });
  const collapse = page.getByTestId('linear-collapse');
  await expect(collapse).toContainText('A 64-1-Sigmoid trained with the same settings');
  await expect(collapse.getByTestId('collapsed-accuracy')).toHaveText(/^test accuracy \d+\.\d%$/);
  await expect(collapse.getByTestId('equivalent-accuracy')).toHaveText(/^test accuracy \d+\.\d%$/);
  await expect(collapse.getByRole('list', { name: /Weights of a 64-1-Sigmoid trained with the same settings/ })).toHaveCount(1);
  await expect(collapse.getByRole('list', { name: /Weights of the one 64×1 Linear layer/ })).toHaveCount(1);
  await collapse.scrollIntoViewIfNeeded();
  await shots(page, 'collapse', (f) => test.info().outputPath(f));
});

test('fits the 10-class confusion matrix in its panel at 1280, uses two columns at 1920 and labels the class strips', async ({ page, labUrl }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openTraining(page, labUrl);
  await train(page, { data: 'digits', epochs: 3 });
  const matrix = page.locator('.confusion');
  await expect(matrix.locator('tbody tr')).toHaveCount(10);
  const overflow = await matrix.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const mistakes = page.getByRole('list', { name: 'Misclassified digits' }).getByRole('button');
  await mistakes.first().click();
  const strip = page.getByRole('img', { name: /outputs by class: 0 / });
  await expect(strip.first()).toBeVisible();
  await expect(strip.first().locator('text.class-label')).toHaveCount(10);
  await shots(page, 'analysis-digits', (f) => test.info().outputPath(f));
  const body = page.locator('.analysis-body');
  const columns = await body.evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
  expect(columns).toBe(2);
});

test('shows the feature values of misclassified samples of non-image data', async ({ page, labUrl }) => {
  await openTraining(page, labUrl);
  await train(page, { data: 'iris', epochs: 2, lr: 0.001 });
  const features = page.getByTestId('mistake-features').first();
  await expect(features).toHaveText(/^sepal_length_cm -?\d+\.\d\d, sepal_width_cm -?\d+\.\d\d, petal_length_cm -?\d+\.\d\d, petal_width_cm -?\d+\.\d\d$/);
  await expect(page.getByTestId('mistake-row').first()).toHaveText(/^\d+$/);
  // 75 test samples in minibatches of 10: the curves count the 7 full ones, the matrix every sample, and it says so.
  await expect(page.getByTestId('confusion-counted')).toContainText('counts all 75 test samples');
  await expect(page.getByTestId('confusion-counted')).toContainText('7 full minibatches of 10 (70 samples)');
  await shots(page, 'analysis-iris', (f) => test.info().outputPath(f));
});
