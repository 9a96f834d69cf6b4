// End to end (Chromium against the browser host): the Network builder used as a person would — presets, adding by button and by drag, a shape mismatch shown at its layer and fixed, a data set that does not fit.
import type { Page } from '@playwright/test';
import { expect, test } from './labFixture.js';

/** Opens the lab and goes to the Network builder through the navigation. */
async function openBuilder(page: Page, labUrl: string): Promise<void> {
  await page.goto(labUrl);
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Network builder/ })
    .click();
  await expect(page.getByRole('button', { name: 'Add Linear layer' })).toBeVisible();
}

const layers = (page: Page) => page.getByRole('list', { name: 'Layers, from input to output' });
const card = (page: Page, position: number) => page.getByRole('group', { name: new RegExp(`^${position} `) });
const status = (page: Page) => page.getByTestId('check-status');

test('builds on a preset by button and by drag, shows a shape mismatch at its layer, and the data set problem at the input', async ({
  page,
  labUrl,
}, testInfo) => {
  await openBuilder(page, labUrl);

  // The exercise's network: 64·32 + 32 + 32·1 + 1 = 2,113 parameters, binary cross-entropy.
  await page.getByRole('button', { name: 'Load preset 64-32-ReLU-1-Sigmoid' }).click();
  await expect(page.getByTestId('total-parameters')).toHaveText('2,113');
  await expect(page.getByTestId('loss')).toHaveText('binary cross-entropy');
  await expect(status(page)).toContainText('The shapes fit');
  await expect(card(page, 1)).toContainText('64 → 32');
  await expect(card(page, 1)).toContainText('2,080 parameters');
  await expect(page.getByRole('img', { name: /Network diagram: input 64, Linear 64→32, ReLU/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train this network' })).toBeEnabled();
  await page.screenshot({ path: testInfo.outputPath('builder-preset-1280.png'), fullPage: true });

  // By button: a dropout at the end, then moved up above the sigmoid.
  await page.getByRole('button', { name: 'Add Dropout layer' }).click();
  await expect(layers(page).getByRole('group')).toHaveCount(5);
  await expect(card(page, 5)).toContainText('Dropout');
  await page.getByRole('button', { name: 'Move layer 5 (Dropout) up' }).click();
  await expect(card(page, 4)).toContainText('Dropout');
  await expect(page.getByRole('button', { name: 'Move layer 4 (Dropout) up' })).toBeFocused();
  await page.getByRole('button', { name: 'Remove layer 4 (Dropout)' }).click();
  await expect(layers(page).getByRole('group')).toHaveCount(4);

  // By drag: a tanh from the palette dropped over the upper half of layer 2 lands as layer 2. The window is tall enough for the
  // palette and the end of the sequence to be on screen together: a drag that scrolls between them starts on another entry.
  await page.setViewportSize({ width: 1280, height: 1600 });
  await page.getByTestId('palette-tanh').dragTo(card(page, 2), { targetPosition: { x: 40, y: 4 } });
  await expect(layers(page).getByRole('group')).toHaveCount(5);
  await expect(card(page, 2)).toContainText('Tanh');
  await expect(card(page, 2)).toContainText('32 → 32');
  await expect(page.getByTestId('total-parameters')).toHaveText('2,113');
  // …and a linear layer dragged to the end of the sequence, after the sigmoid: 1 → 16, 32 parameters.
  await page.getByTestId('palette-linear').dragTo(page.getByTestId('sequence-end'));
  await expect(layers(page).getByRole('group')).toHaveCount(6);
  await expect(card(page, 6)).toContainText('1 → 16');
  await expect(page.getByTestId('total-parameters')).toHaveText('2,145');
  await page.setViewportSize({ width: 1280, height: 800 });
  // It no longer ends in a sigmoid, so the engine would train with mean squared error; the digits need one output.
  await expect(page.getByTestId('loss')).toHaveText('mean squared error');
  await expect(card(page, 6).getByRole('list', { name: /Problems at layer 6/ })).toContainText('needs 1 output');
  await expect(page.getByRole('button', { name: 'Train this network' })).toBeDisabled();
  await page.getByRole('button', { name: 'Remove layer 6 (Linear)' }).click();
  await expect(status(page)).toContainText('The shapes fit');

  // A shape mismatch: the second linear layer declares 31 inputs where the layer before gives 32.
  const declared = page.getByRole('spinbutton', { name: 'Declared inputs of layer 4 (Linear)' });
  await declared.fill('31');
  const problems = card(page, 4).getByRole('list', { name: 'Problems at layer 4 (Linear)' });
  await expect(problems).toContainText('layer 4 (linear) expects 31 inputs but layer 3 (relu) gives 32');
  await expect(status(page)).toContainText('1 problem');
  await expect(page.getByRole('button', { name: 'Train this network' })).toBeDisabled();
  await expect(page.getByRole('img', { name: /Network diagram/ }).locator('.bad')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('builder-mismatch-1280.png'), fullPage: true });
  // Fixed: the right width declared.
  await declared.fill('32');
  await expect(problems).toHaveCount(0);
  await expect(status(page)).toContainText('The shapes fit');

  // A value that cannot be a width is caught at its field before the engine is asked.
  const units = page.getByRole('spinbutton', { name: 'Units of layer 1 (Linear)' });
  await units.fill('0');
  await expect(card(page, 1)).toContainText('Units must be a whole number, 1 or more (not 0)');
  await expect(units).toHaveAttribute('aria-invalid', 'true');
  await expect(status(page)).toContainText('1 field to fix');
  await units.fill('32');
  await expect(status(page)).toContainText('The shapes fit');

  // Iris has 4 features: the message is at the input width field.
  await page.getByLabel('Check against data set').selectOption('iris');
  const input = page.getByRole('spinbutton', { name: 'Input width' });
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#builder-input-error')).toContainText('the network takes 64 inputs but iris has 4 features');
  await expect(page.getByRole('region', { name: 'The network' })).toContainText('At the input width: the network takes 64 inputs but iris has 4 features');
  await page.screenshot({ path: testInfo.outputPath('builder-iris-1280.png'), fullPage: true });

  // Narrow window: everything still readable.
  await page.setViewportSize({ width: 700, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('builder-iris-700.png'), fullPage: true });
});

test('keeps the draft current with a valid network and takes it to Training', async ({ page, labUrl }, testInfo) => {
  await page.setViewportSize({ width: 700, height: 900 });
  await openBuilder(page, labUrl);
  // The deepest preset, in a narrow window: 64·32+32 + 32·16+16 + 16·8+8 + 8·1+1 = 2,753 parameters.
  await page.getByRole('button', { name: 'Load preset 64-32-16-8-1 (ReLUs, Sigmoid)' }).click();
  await expect(page.getByTestId('total-parameters')).toHaveText('2,753');
  await expect(layers(page).getByRole('group')).toHaveCount(8);
  await page.getByRole('img', { name: /Network diagram/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('builder-deep-700.png'), fullPage: true });

  await page.getByRole('button', { name: 'Load preset 64-1-Sigmoid' }).click();
  await expect(page.getByTestId('total-parameters')).toHaveText('65');
  await expect(page.getByText('Training offers it as “64-1-Sigmoid”')).toBeVisible();
  await page.getByRole('button', { name: 'Add ReLU layer' }).click();
  await expect(page.getByText('Training keeps the last valid network (“64-1-Sigmoid”)')).toBeVisible();
  await page.getByRole('button', { name: 'Move layer 3 (ReLU) up' }).click();
  await page.getByRole('button', { name: 'Move layer 2 (ReLU) up' }).click();
  await expect(status(page)).toContainText('The shapes fit');
  await expect(page.getByText('Training offers it as “Built network”')).toBeVisible();

  // The edits survive a visit to another lab.
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Optimizer/ })
    .click();
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Network builder/ })
    .click();
  await expect(card(page, 1)).toContainText('ReLU');
  await expect(layers(page).getByRole('group')).toHaveCount(3);

  await page.getByRole('button', { name: 'Train this network' }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
});

test('says what an empty network needs and builds one from nothing with the keyboard', async ({ page, labUrl }) => {
  await openBuilder(page, labUrl);
  await page.getByRole('button', { name: 'Load preset 64-1-Sigmoid' }).click();
  await expect(page.getByTestId('total-parameters')).toHaveText('65');
  await page.getByRole('button', { name: 'Remove layer 1 (Linear)' }).click();
  await expect(page.getByRole('button', { name: 'Remove layer 1 (Sigmoid)' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status(page)).toContainText('A network needs at least one layer');
  await expect(page.getByRole('button', { name: 'Train this network' })).toBeDisabled();

  await page.getByRole('button', { name: 'Add Linear layer' }).press('Enter');
  await page.getByRole('spinbutton', { name: 'Units of layer 1 (Linear)' }).fill('10');
  await page.getByRole('button', { name: 'Add Softmax layer' }).press('Enter');
  await page.getByLabel('Check against data set').selectOption('digits');
  await expect(status(page)).toContainText('The shapes fit');
  await expect(page.getByTestId('total-parameters')).toHaveText('650');
  await expect(page.getByTestId('loss')).toHaveText(/categorical cross-entropy/);
});
