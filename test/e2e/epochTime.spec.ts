// End to end (Chromium against the browser host): the Training lab estimates an epoch's time before a run and shows each epoch's time while it trains.
import { expect, test } from './labFixture.js';

test('shows the engine’s estimate of the epoch time before training and the last epoch’s time while it trains', async ({ page, labUrl }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(labUrl);
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Training/ })
    .click();
  await page.getByLabel('Data set').selectOption('digits-binary');
  await page.getByLabel('Network preset').selectOption({ label: '64-32-ReLU-1-Sigmoid' });
  await page.getByLabel('Minibatch size').fill('10');
  await page.getByLabel('Epochs').fill('40');

  const epochTime = page.getByRole('region', { name: 'Epoch time' });
  // digits-binary splits into 898 training and 899 test samples: 89 minibatches of 10 each.
  await expect(epochTime).toContainText(/Estimated: about [\d.]+ (s|min) per epoch \(89 training and 89 test minibatches\), .+ for 40 epochs/);
  await page.screenshot({ path: testInfo.outputPath('epoch-estimate-1280.png') });

  // A larger minibatch is estimated anew: fewer minibatches per epoch.
  await page.getByLabel('Minibatch size').fill('32');
  await expect(epochTime).toContainText('(28 training and 28 test minibatches)');

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(epochTime).toContainText(/(Last epoch took|The last run's last epoch took)\s+[\d.]+ (s|min)/);
  await expect(page.getByRole('region', { name: 'Run status' }).getByText('Completed', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(epochTime).toContainText(/The last run's last epoch took\s+[\d.]+ (s|min)/);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('epoch-time-1920.png') });
});
