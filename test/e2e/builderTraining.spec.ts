// End to end (Chromium against the browser host): the network built in the builder is the one Training trains, Training says when it has a problem, and the builder warns about designs that train badly.
import type { Page } from '@playwright/test';
import { expect, test } from './labFixture.js';

const nav = (page: Page, lab: RegExp) => page.getByRole('navigation', { name: 'Labs' }).getByRole('button', { name: lab }).click();

async function openBuilder(page: Page, labUrl: string): Promise<void> {
  await page.goto(labUrl);
  await nav(page, /Network builder/);
  await expect(page.getByRole('button', { name: 'Add Linear layer' })).toBeVisible();
}

/** Empties the builder's sequence (it starts with the exercise's network). */
async function clearLayers(page: Page): Promise<void> {
  const remove = page.getByRole('button', { name: /^Remove layer 1 / });
  while ((await remove.count()) > 0) await remove.click();
}

test('trains the network just built: Train this network selects it, and the run has its parameter count', async ({ page, labUrl }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openBuilder(page, labUrl);
  await clearLayers(page);
  // 64 → Linear 20 → Tanh → Linear 1 → Sigmoid: 64·20 + 20 + 20·1 + 1 = 1,321 parameters, a count no preset has.
  await page.getByRole('button', { name: 'Add Linear layer' }).click();
  await page.getByRole('spinbutton', { name: 'Units of layer 1 (Linear)' }).fill('20');
  await page.getByRole('button', { name: 'Add Tanh layer' }).click();
  await page.getByRole('button', { name: 'Add Linear layer' }).click();
  await page.getByRole('spinbutton', { name: 'Units of layer 3 (Linear)' }).fill('1');
  await page.getByRole('button', { name: 'Add Sigmoid layer' }).click();
  await expect(page.getByTestId('check-status')).toContainText('The shapes fit');
  await expect(page.getByTestId('total-parameters')).toHaveText('1,321');
  await page.screenshot({ path: testInfo.outputPath('builder-built-1280x800.png') });

  await page.getByRole('button', { name: 'Train this network' }).click();
  await expect(page.getByLabel('Network preset')).toHaveValue('builder');
  await expect(page.getByRole('table', { name: /Layers of Built network/ })).toContainText('1,321');
  await page.getByLabel('Epochs').fill('5');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/completed 5 epochs/, { timeout: 60_000 });
  await expect(page.getByText('898 training and 899 test samples · 1,321 parameters')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('builder-network-trained-1280x800.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('builder-network-trained-1920x1080.png') });
});

test("says plainly in Training when the builder's network has a problem, with Train disabled and the reason beside it", async ({ page, labUrl }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openBuilder(page, labUrl);
  await page.getByRole('button', { name: 'Load preset 64-1-Sigmoid' }).click();
  await expect(page.getByTestId('check-status')).toContainText('The shapes fit');
  await page.getByRole('button', { name: 'Train this network' }).click();
  await expect(page.getByLabel('Network preset')).toHaveValue('builder');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();

  // Back in the builder, a Linear layer after the sigmoid: 16 outputs where the digits need one.
  await nav(page, /Network builder/);
  await page.getByRole('button', { name: 'Add Linear layer' }).click();
  await expect(page.getByTestId('check-status')).toContainText('1 problem');
  await nav(page, /Training/);
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await expect(train).toBeDisabled();
  await expect(train).toHaveAccessibleDescription(/^The builder's network has a problem at layer 3/);
  await expect(page.getByText(/Training holds its last valid version, “64-1-Sigmoid”, meanwhile/)).toBeVisible();
  await expect(page.getByLabel('Network preset')).toHaveAccessibleDescription(/The builder's network has a problem at layer 3/);
  await page.screenshot({ path: testInfo.outputPath('builder-problem-in-training-1280x800.png') });

  // A preset again: nothing stops Train.
  await page.getByLabel('Network preset').selectOption({ label: '64-1-Sigmoid' });
  await expect(train).toBeEnabled();
  // The builder's network, fixed, fits again.
  await nav(page, /Network builder/);
  await page.getByRole('button', { name: 'Remove layer 3 (Linear)' }).click();
  await expect(page.getByTestId('check-status')).toContainText('The shapes fit');
  await nav(page, /Training/);
  await page.getByLabel('Network preset').selectOption('builder');
  await expect(train).toBeEnabled();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('builder-fixed-in-training-1920x1080.png') });
});

test('says when the network does not fit the data chosen in Training, before anything trains', async ({ page, labUrl }) => {
  await page.goto(labUrl);
  await nav(page, /Training/);
  await page.getByLabel('Data set').selectOption('iris');
  await expect(page.getByTestId('data-summary')).toContainText('4 features');
  await page.getByLabel('Network preset').selectOption({ label: '64-1-Sigmoid' });
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await expect(train).toBeDisabled();
  await expect(train).toHaveAccessibleDescription(/^The network does not fit: the network takes 64 inputs but iris has 4 features/);
});

test('warns about designs that train badly without forbidding them', async ({ page, labUrl }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openBuilder(page, labUrl);
  await clearLayers(page);
  await page.getByRole('button', { name: 'Add Softmax layer' }).click();
  await page.getByRole('button', { name: 'Add Linear layer' }).click();
  await page.getByRole('spinbutton', { name: 'Units of layer 2 (Linear)' }).fill('1');
  await page.getByRole('button', { name: 'Add Sigmoid layer' }).click();
  await page.getByRole('button', { name: 'Add Dropout layer' }).click();
  await expect(page.getByTestId('check-status')).toContainText('The shapes fit');
  await expect(page.getByTestId('design-warnings')).toHaveText('It will train, but badly:');
  await expect(page.getByRole('list', { name: 'Warnings at layer 1 (Softmax)' })).toContainText('before any weights see them');
  await expect(page.getByRole('list', { name: 'Warnings at layer 4 (Dropout)' })).toContainText('comes after the output layer');
  await expect(page.getByRole('list', { name: 'Warnings at layer 4 (Dropout)' })).toContainText('falls back to mean squared error');
  await expect(page.getByRole('button', { name: 'Train this network' })).toBeEnabled();
  await page.screenshot({ path: testInfo.outputPath('builder-warnings-1280x800.png'), fullPage: true });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('builder-warnings-1920x1080.png') });
});

test('keeps Train disabled, saying why, until the network has caught up with a data set picked before the engine described it; Train asked for meanwhile trains the right one', async ({
  page,
  labUrl,
}, testInfo) => {
  // Holds back the engine's catalog and its checks, as a loaded machine would delay them.
  const held: string[] = [];
  let release = () => {};
  await page.routeWebSocket(/.*/, (ws) => {
    const server = ws.connectToServer();
    let hold = true;
    server.onMessage((message) => {
      if (hold && typeof message === 'string' && /"type":"(engine\.catalog|spec\.report)"/.test(message)) held.push(message);
      else ws.send(message);
    });
    release = () => {
      hold = false;
      for (const message of held.splice(0)) ws.send(message);
    };
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(labUrl);
  await nav(page, /Training/);
  await page.getByLabel('Data set').selectOption('iris');
  await page.getByLabel('Epochs').fill('5');
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await expect(train).toBeDisabled();
  await expect(train).toHaveAccessibleDescription('Waiting for the engine to describe iris…');
  await expect(page.getByLabel('Network preset').locator('option:checked')).toHaveText('64-32-ReLU-1-Sigmoid');
  await page.screenshot({ path: testInfo.outputPath('train-waits-for-data-1280x800.png') });
  // Train's shortcut while waiting: nothing trains until the network has caught up.
  await page.keyboard.press('Control+Enter');
  await expect(train).toHaveAccessibleDescription('Waiting for the engine to describe iris… Training starts then.');
  await expect(page.getByTestId('run-time')).toHaveCount(0);

  release();
  await expect(page.getByLabel('Network preset').locator('option:checked')).toHaveText('For iris: 4-32-ReLU-3-Softmax');
  await expect(page.getByTestId('final-accuracy')).toContainText(/completed 5 epochs/i, { timeout: 60_000 });
  // 4·32 + 32 + 32·3 + 3: the network offered for iris, not the exercise's 64-input one.
  await expect(page.getByText(/· 259 parameters/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Run history' }).getByRole('listitem')).toHaveCount(1);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('train-caught-up-1920x1080.png') });
});
