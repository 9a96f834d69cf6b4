// End to end (Chromium against the browser host): a conv net built in the builder by dragging, its shapes traced as C×H×W, trained on the 8×8 digits as 1×8×8 images and on a Fashion-MNIST subset, and looked inside: feature maps, a clicked cell's dot product.
import { existsSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { FASHION_MNIST_CLASSES, IMAGE_DATA_SETS } from '../../engine/data/dataSetNames.js';
import { expect, test } from './labFixture.js';

const FASHION = IMAGE_DATA_SETS['fashion-mnist'];

const nav = (page: Page, lab: RegExp) => page.getByRole('navigation', { name: 'Labs' }).getByRole('button', { name: lab }).click();
const card = (page: Page, n: number) => page.getByRole('group', { name: new RegExp(`^${n} `) });

/** Drags a palette entry to the end of the sequence until it lands there as layer `n` (a drag that starts while the list re-renders can miss). */
async function dragToEnd(page: Page, type: string, n: number): Promise<void> {
  for (let attempt = 0; attempt < 3 && (await card(page, n).count()) === 0; attempt++) {
    // The cards settle first: a card that grows as the engine's check of the last layer arrives moves the end of the
    // sequence under a drop in flight, which then lands on that card and inserts before it.
    await expect(page.getByTestId('check-status')).not.toHaveText('Checking…');
    await page.getByTestId(`palette-${type}`).dragTo(page.getByTestId('sequence-end'));
    await card(page, n)
      .waitFor({ timeout: 2_000 })
      .catch(() => undefined);
  }
  await expect(card(page, n)).toBeVisible();
}

/** Opens the builder with no layers, checking against `dataSet`, in a window tall enough to drag from the palette to the end of the sequence. */
async function emptyBuilder(page: Page, labUrl: string, dataSet: string): Promise<void> {
  await page.goto(labUrl);
  await nav(page, /Network builder/);
  const remove = page.getByRole('button', { name: /^Remove layer 1 / });
  await expect(remove.first()).toBeVisible();
  while ((await remove.count()) > 0) await remove.click();
  await page.getByLabel('Check against data set').selectOption(dataSet);
  // Tall enough that the palette and the end of the sequence are both on screen: a drag that scrolls between them starts on the wrong entry.
  await page.setViewportSize({ width: 1280, height: 1600 });
}

/** Clicks the cell (row, column) of a feature map drawn `side` cells square, and reads the explanation's sums. */
async function explainCell(map: Locator, explanation: Locator, side: number, row: number, column: number) {
  // Clicked again if the maps were still being laid out (a new sample's maps arriving) when the click landed.
  await expect(async () => {
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: (box.width * (column + 0.5)) / side, y: (box.height * (row + 0.5)) / side } });
    await expect(explanation).toContainText(`row ${row}, column ${column}`, { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  const number = async (id: string) => Number(await explanation.getByTestId(id).textContent());
  return { dot: await number('cell-dot'), bias: await number('cell-bias'), sum: await number('cell-sum'), activated: await number('cell-activation') };
}

/** Screenshots of `target` (scrolled into view) at both window sizes, in the light and the dark theme. */
async function shoot(page: Page, target: Locator, name: string, outputPath: (file: string) => string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme);
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await target.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: outputPath(`${name}-${width}x${height}-${theme}.png`) });
    }
  }
  await page.getByLabel('Theme').selectOption('light');
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('builds a conv net by dragging, traces its shapes as C×H×W, trains it on the digits as 1×8×8 images and explains a feature-map value', async ({
  page,
  labUrl,
}, testInfo) => {
  test.setTimeout(240_000);
  page.setDefaultTimeout(20_000);
  await emptyBuilder(page, labUrl, 'digits');

  // Conv 4 filters 3×3 same → ReLU → max-pool 2 → flatten → linear 10 → softmax, each dragged from the palette to the end.
  await dragToEnd(page, 'conv2d', 1);
  await page.getByRole('spinbutton', { name: 'Filters of layer 1 (Conv2D)' }).fill('4');
  await page.getByRole('combobox', { name: 'Padding of layer 1 (Conv2D)' }).selectOption('same');
  for (const [i, type] of ['relu', 'maxpool2d', 'flatten', 'linear', 'softmax'].entries()) await dragToEnd(page, type, i + 2);
  await page.getByRole('spinbutton', { name: 'Units of layer 5 (Linear)' }).fill('10');
  await expect(page.getByTestId('check-status')).toContainText('The shapes fit', { timeout: 15_000 });
  await expect(page.getByTestId('input-shape-hint')).toContainText('Read as 1×8×8 images');
  await expect(page.getByTestId('shape-1')).toContainText('1×8×8 → 4×8×8');
  await expect(page.getByTestId('parameter-shapes-1')).toHaveText('(W 4×1×3×3, b 4)');
  await expect(page.getByTestId('shape-3')).toContainText('4×8×8 → 4×4×4');
  await expect(page.getByTestId('shape-4')).toContainText('4×4×4 → 64');
  // 4·9 + 4 + 64·10 + 10 parameters.
  await expect(page.getByTestId('total-parameters')).toHaveText('690');

  // A convolution after the flatten is refused at its layer, with the shapes.
  await page.getByTestId('palette-conv2d').dragTo(card(page, 5), { targetPosition: { x: 40, y: 4 } });
  await expect(card(page, 5)).toContainText('layer 5 (conv2d) needs a C×H×W input but layer 4 (flatten) gives 64');
  await expect(page.getByRole('button', { name: 'Train this network' })).toBeDisabled();
  await page.getByRole('button', { name: 'Remove layer 5 (Conv2D)' }).click();
  await expect(page.getByTestId('check-status')).toContainText('The shapes fit');
  await page.setViewportSize({ width: 1280, height: 800 });
  await shoot(page, page.getByRole('heading', { name: 'The network' }), 'builder-conv', (file) => testInfo.outputPath(file));

  await page.getByRole('button', { name: 'Train this network' }).click();
  await expect(page.getByLabel('Network preset')).toHaveValue('builder');
  await expect(page.getByLabel('Data set')).toHaveValue('digits');
  await page.getByLabel('Epochs').fill('3');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/completed 3 epochs/, { timeout: 120_000 });

  const inside = page.getByRole('region', { name: 'Inside the convolutions' });
  await expect(inside.getByTestId('feature-maps-1')).toBeVisible({ timeout: 30_000 });
  await expect(inside.getByTestId('feature-maps-sample')).toContainText(/Test sample 0: /);
  await expect(inside.getByRole('list', { name: /Samples of each class/ }).getByRole('button')).toHaveCount(20);
  await expect(inside.getByRole('list', { name: /The 3×3 filters of layer 1/ }).getByRole('listitem')).toHaveCount(4);

  // Another sample, then a cell of filter 2 near the middle of its 8×8 map.
  await inside
    .getByRole('list', { name: /Samples of each class/ })
    .getByRole('button')
    .nth(3)
    .click();
  await expect(inside.getByTestId('feature-maps-sample')).not.toContainText('Test sample 0:');
  const map = inside.getByRole('button', { name: /^Layer 1, filter 2: a 8×8 map after ReLU/ });
  const explanation = inside.getByTestId('cell-explanation');
  const { dot, bias, sum, activated } = await explainCell(map, explanation, 8, 4, 3);
  await expect(explanation).toContainText('Layer 1, filter 2, row 4, column 3');
  await expect(explanation).toContainText('rows 3–5, columns 2–4 of the input image (1×8×8)');
  expect(Number.isFinite(dot) && Number.isFinite(bias)).toBe(true);
  expect(Math.abs(dot + bias - sum)).toBeLessThan(1e-4 * Math.max(1, Math.abs(sum)));
  expect(activated).toBeCloseTo(Math.max(0, sum), 4);
  // The 3×3 window's numbers and the kernel's are shown beside the sums.
  await expect(explanation.getByRole('table', { name: 'Input window, channel 1' }).locator('td')).toHaveCount(9);
  await expect(explanation.getByRole('table', { name: 'Kernel, channel 1' }).locator('td')).toHaveCount(9);

  // Before the activation, the maps show the convolution's own output.
  await inside.getByLabel('Show each convolution’s output before its activation').check();
  await expect(inside.getByRole('button', { name: /^Layer 1, filter 2: a 8×8 map before its activation/ })).toBeVisible();
  await shoot(page, inside.getByTestId('feature-maps-1'), 'feature-maps', (file) => testInfo.outputPath(file));
});

test('builds a conv net for Fashion-MNIST in the builder, trains it on a subset and explains a value of its 26×26 maps, with the class names', async ({
  page,
  labUrl,
}, testInfo) => {
  test.skip(!existsSync(FASHION.folder), `skipped: Debian's Fashion-MNIST files are not installed in ${FASHION.folder}`);
  test.setTimeout(240_000);
  page.setDefaultTimeout(30_000);
  await emptyBuilder(page, labUrl, 'fashion-mnist');
  await page.getByLabel('Input width').fill('784');
  await dragToEnd(page, 'conv2d', 1);
  await page.getByRole('spinbutton', { name: 'Filters of layer 1 (Conv2D)' }).fill('4');
  for (const [i, type] of ['relu', 'maxpool2d', 'flatten', 'linear', 'softmax'].entries()) await dragToEnd(page, type, i + 2);
  await page.getByRole('spinbutton', { name: 'Units of layer 5 (Linear)' }).fill('10');
  await expect(page.getByTestId('check-status')).toContainText('The shapes fit, and the network fits Fashion-MNIST', { timeout: 30_000 });
  await expect(page.getByTestId('shape-1')).toContainText('1×28×28 → 4×26×26');
  await expect(page.getByTestId('shape-4')).toContainText('4×13×13 → 676');
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole('button', { name: 'Train this network' }).click();
  await expect(page.getByLabel('Network preset')).toHaveValue('builder');
  await expect(page.getByLabel('Data set')).toHaveValue('images:fashion-mnist');
  await page.getByLabel('Train size').fill('1000');
  await page.getByLabel('Test size').fill('200');
  await page.getByLabel('Epochs').fill('1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/completed 1 epoch/, { timeout: 120_000 });

  const inside = page.getByRole('region', { name: 'Inside the convolutions' });
  await expect(inside.getByTestId('feature-maps-1')).toBeVisible({ timeout: 60_000 });
  const gallery = inside.getByRole('list', { name: /Samples of each class/ }).getByRole('button');
  await expect(gallery).toHaveCount(20);
  for (const name of FASHION_MNIST_CLASSES) await expect(gallery.filter({ hasText: name })).not.toHaveCount(0);
  await gallery.filter({ hasText: 'Ankle boot' }).first().click();
  await expect(inside.getByTestId('feature-maps-sample')).toContainText('Ankle boot');
  const map = inside.getByRole('button', { name: /^Layer 1, filter 1: a 26×26 map after ReLU/ });
  const explanation = inside.getByTestId('cell-explanation');
  const { dot, bias, sum, activated } = await explainCell(map, explanation, 26, 13, 10);
  await expect(explanation).toContainText('rows 13–15, columns 10–12 of the input image (1×28×28)');
  expect(Math.abs(dot + bias - sum)).toBeLessThan(1e-4 * Math.max(1, Math.abs(sum)));
  expect(activated).toBeCloseTo(Math.max(0, sum), 4);
  await shoot(page, inside.getByTestId('feature-maps-1'), 'fashion-feature-maps', (file) => testInfo.outputPath(file));
});

test('turns a convolution’s bias off in the builder: no b among its parameters, and a feature-map value that is its dot product alone', async ({
  page,
  labUrl,
}, testInfo) => {
  test.setTimeout(240_000);
  page.setDefaultTimeout(20_000);
  await emptyBuilder(page, labUrl, 'digits');

  await dragToEnd(page, 'conv2d', 1);
  await page.getByRole('spinbutton', { name: 'Filters of layer 1 (Conv2D)' }).fill('4');
  await page.getByRole('combobox', { name: 'Padding of layer 1 (Conv2D)' }).selectOption('same');
  const bias = page.getByRole('checkbox', { name: 'Bias of layer 1 (Conv2D)' });
  await expect(bias).toBeChecked();
  for (const [i, type] of ['relu', 'maxpool2d', 'flatten', 'linear', 'softmax'].entries()) await dragToEnd(page, type, i + 2);
  await page.getByRole('spinbutton', { name: 'Units of layer 5 (Linear)' }).fill('10');
  await expect(page.getByTestId('parameter-shapes-1')).toHaveText('(W 4×1×3×3, b 4)');
  await bias.uncheck();
  await expect(page.getByTestId('parameter-shapes-1')).toHaveText('(W 4×1×3×3)');
  // 4·9 + 64·10 + 10 parameters: the convolution's 4 biases are gone.
  await expect(page.getByTestId('total-parameters')).toHaveText('686');
  await expect(page.getByTestId('check-status')).toContainText('The shapes fit', { timeout: 15_000 });
  await page.setViewportSize({ width: 1280, height: 800 });
  await shoot(page, card(page, 1), 'builder-conv-no-bias', (file) => testInfo.outputPath(file));

  await page.getByRole('button', { name: 'Train this network' }).click();
  await expect(page.getByLabel('Network preset')).toHaveValue('builder');
  await page.getByLabel('Epochs').fill('1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('final-accuracy')).toContainText(/completed 1 epoch/, { timeout: 120_000 });

  const inside = page.getByRole('region', { name: 'Inside the convolutions' });
  await expect(inside.getByTestId('feature-maps-1')).toBeVisible({ timeout: 30_000 });
  await expect(inside.getByTestId('feature-maps-1')).toContainText('Layer 1: Conv2D, 4 filters of 3×3, stride 1, padding same, no bias — 1×8×8 → 4×8×8');
  const map = inside.getByRole('button', { name: /^Layer 1, filter 3: a 8×8 map after ReLU/ });
  const explanation = inside.getByTestId('cell-explanation');
  const { dot, bias: shownBias, sum } = await explainCell(map, explanation, 8, 2, 5);
  await expect(explanation).toContainText('no bias (this convolution’s bias is off)');
  expect(shownBias).toBe(0);
  expect(Math.abs(dot - sum)).toBeLessThan(1e-4 * Math.max(1, Math.abs(sum)));
  await shoot(page, explanation, 'cell-explanation-no-bias', (file) => testInfo.outputPath(file));
});
