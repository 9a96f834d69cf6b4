// End to end (Chromium against the browser host): seeing the data in the Training lab — the digits as thumbnails, the class balance, a toy set's points under a decision boundary that changes as the network trains.
import type { Page } from '@playwright/test';
import { COLOURS, DARK_COLOURS } from '../../plots/theme.js';
import { expect, test } from './labFixture.js';
import { canvasImage } from './canvasImage.js';

async function openTraining(page: Page, labUrl: string): Promise<void> {
  await page.goto(labUrl);
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Training/ })
    .click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
}

test('shows the digits as thumbnails with their classes, the class balance of both splits, and why there is no boundary', async ({
  page,
  labUrl,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openTraining(page, labUrl);
  await page.getByLabel('Data set').selectOption('digits');
  await expect(page.getByTestId('data-summary')).toHaveText('64 features · 898 training and 899 test samples · 10 classes');
  const thumbnails = page.getByTestId('thumbnail');
  await expect(thumbnails).toHaveCount(40);
  await expect(thumbnails.first().getByRole('img')).toHaveAccessibleName(/^Training sample 1, class \d$/);
  // Each thumbnail is an 8×8 image drawn in several shades of grey (the digits' 17 levels).
  const first = thumbnails.first().locator('canvas');
  await expect.poll(async () => canvasImage(first)).toMatchObject({ width: 8, height: 8 });
  await expect.poll(async () => (await canvasImage(first)).shades).toBeGreaterThan(3);
  // Every class has a training bar and a test bar, and each split's shares add up to its samples.
  const balance = page.getByTestId('class-balance');
  await expect(balance.locator('rect title')).toHaveCount(20);
  const trainCounts = await balance.locator('rect title').evaluateAll((titles) =>
    titles
      .map((t) => /: (\d+) training samples/.exec(t.textContent ?? '')?.[1])
      .filter(Boolean)
      .map(Number),
  );
  expect(trainCounts.reduce((a, b) => a + b, 0)).toBe(898);
  await expect(page.getByTestId('plane-absent')).toHaveText(
    'No decision boundary: the scatter and the decision boundary are drawn for data with 2 features; digits has 64.',
  );
  await page.screenshot({ path: testInfo.outputPath('data-digits-1280x800.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('data-digits-1920x1080.png') });
});

test('trains a toy set and shows its decision boundary under the points, changed between two moments of the run', async ({ page, labUrl }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openTraining(page, labUrl);
  await page.getByLabel('Data set').selectOption('toy:circles');
  await page.getByRole('checkbox', { name: 'x²' }).check();
  await page.getByRole('checkbox', { name: 'y²' }).check();
  await expect(page.getByTestId('data-summary')).toHaveText('4 features · 200 training and 200 test samples · 2 classes');
  await expect(page.getByLabel('Network preset')).toHaveValue('data-default');
  const plane = page.getByTestId('decision-plane');
  await expect(plane.locator('circle')).toHaveCount(400 + 3); // the points, and the legend's three marks
  await expect(page.getByTestId('boundary-image')).toHaveCount(0);
  await page.getByLabel('Epochs').fill('2000');
  await page.getByLabel('Learning rate').fill('0.001');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByText('Paused', { exact: true })).toBeVisible();

  // Two moments of the run: where it paused, and one epoch later.
  const image = page.getByTestId('boundary-image');
  const caption = page.getByTestId('boundary-caption');
  await expect(caption).toContainText(/After [\d,]+ minibatches/);
  const early = { href: await image.getAttribute('href'), caption: await caption.textContent() };
  await page.screenshot({ path: testInfo.outputPath('boundary-early-1280x800.png') });
  await page.getByRole('button', { name: '1 epoch' }).click();
  await expect.poll(() => caption.textContent()).not.toBe(early.caption);
  const epochsIn = (text: string | null) => Number(/([\d,]+) epochs? done/.exec(text ?? '')![1]!.replace(/,/g, ''));
  expect(epochsIn(await caption.textContent())).toBe(epochsIn(early.caption) + 1);
  // At a small learning rate one epoch may not move the boundary by a pixel: step on, an epoch at a time, until it has.
  for (let steps = 1; (await image.getAttribute('href')) === early.href; steps++) {
    expect(steps, 'the boundary drawn after ten more epochs is still the same image').toBeLessThan(10);
    const before = await caption.textContent();
    await page.getByRole('button', { name: '1 epoch' }).click();
    await expect.poll(() => caption.textContent()).not.toBe(before);
  }

  // Resumed, it is drawn again as the run goes on.
  const stepped = await caption.textContent();
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect.poll(() => caption.textContent()).not.toBe(stepped);
  await expect(page.getByTestId('final-accuracy')).toContainText(/completed 2000 epochs/, { timeout: 90_000 });
  await expect(page.getByTestId('final-accuracy')).toContainText(/(9\d|100)\.\d%/);
  await expect(caption).toContainText('2,000 epochs done');
  await page.screenshot({ path: testInfo.outputPath('boundary-trained-1280x800.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('boundary-trained-1920x1080.png') });
});

test("draws the class balance and the plane's labels in the dark theme's colours, readable on its ground", async ({ page, labUrl }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await openTraining(page, labUrl);
  await page.getByLabel('Data set').selectOption('iris');
  const balance = page.getByTestId('class-balance');
  await expect(balance.getByText('virginica', { exact: true })).toBeVisible();
  const fills = (chart: typeof balance) => chart.locator('text').evaluateAll((texts) => [...new Set(texts.map((t) => t.getAttribute('fill')))]);
  // Class names, legend and title in the dark text colour, the percentages in its muted one; nothing in the light theme's.
  expect((await fills(balance)).sort()).toEqual([DARK_COLOURS.text, DARK_COLOURS.textMuted].sort());
  await page.screenshot({ path: testInfo.outputPath('data-iris-dark-1280x800.png') });

  await page.getByLabel('Data set').selectOption('toy:moons');
  const plane = page.getByTestId('decision-plane');
  await expect(plane).toBeVisible();
  const planeFills = await fills(plane);
  expect(planeFills).not.toContain(COLOURS.text);
  expect(planeFills).toContain(DARK_COLOURS.text);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('data-moons-dark-1920x1080.png') });
});
