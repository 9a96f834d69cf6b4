// End to end (Chromium against the browser host): a run of a billion epochs on toy XOR keeps the page answering quickly
// throughout — no long task on its main thread, round trips to it short — and Stop lands within a second.
import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './labFixture.js';

/** In the page: every long task (over 50 ms of main-thread work) and the time of the Stop click and of the "Stopped" status. */
async function observePage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = { longTasks: [] as { start: number; duration: number }[], stopClicked: 0, stoppedShown: 0 };
    (window as unknown as { longRun: typeof seen }).longRun = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) seen.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
    document.addEventListener(
      'click',
      (event) => {
        if ((event.target as HTMLElement).closest('button')?.textContent?.trim() === 'Stop') seen.stopClicked = performance.now();
      },
      true,
    );
    new MutationObserver(() => {
      if (!seen.stoppedShown && seen.stopClicked && document.querySelector('[aria-label="Run status"] [role="status"]')?.textContent?.trim() === 'Stopped') {
        seen.stoppedShown = performance.now();
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

const epochsShown = async (page: Page): Promise<number> =>
  Number(((await page.locator('.epoch-count').textContent()) ?? '').replace(/^Epoch ([\d,]+) of.*$/s, '$1').replace(/,/g, ''));

test('a billion epochs on toy XOR: the page answers within 100 ms throughout, and Stop lands within a second', async ({ page, labUrl }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(labUrl);
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Training/ })
    .click();
  await page.getByLabel('Data set').selectOption('toy:xor');
  await page.getByLabel('Epochs').fill('1000000000');
  await observePage(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => epochsShown(page)).toBeGreaterThan(100);

  // Round trips to the page's main thread for ten seconds of training, while epochs keep arriving.
  const roundTrips: number[] = [];
  const progress: number[] = [];
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const sent = performance.now();
    await page.evaluate(() => document.querySelector('.epoch-count')?.textContent);
    roundTrips.push(performance.now() - sent);
    progress.push(await epochsShown(page));
    await page.waitForTimeout(50);
  }
  expect(progress.at(-1)!).toBeGreaterThan(progress[0]!);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeEnabled();

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('region', { name: 'Run status' }).getByText('Stopped', { exact: true })).toBeVisible({ timeout: 30_000 });
  const seen = await page.evaluate(
    () => (window as unknown as { longRun: { longTasks: { start: number; duration: number }[]; stopClicked: number; stoppedShown: number } }).longRun,
  );
  const stopMs = seen.stoppedShown - seen.stopClicked;
  const duringTraining = seen.longTasks.filter((task) => task.start < seen.stopClicked);
  const sorted = [...roundTrips].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const p90 = sorted[Math.floor(sorted.length * 0.9)]!;
  testInfo.annotations.push({
    type: 'measured',
    description: `epochs ${progress.at(-1)}; round trips ${roundTrips.length}, median ${median.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms; long tasks while training ${JSON.stringify(duringTraining.map((t) => Math.round(t.duration)))}; all long tasks ${JSON.stringify(seen.longTasks.map((t) => Math.round(t.duration)))}; stop ${stopMs.toFixed(0)} ms`,
  });
  console.log(testInfo.annotations.at(-1)!.description);
  // The page answers within 100 ms throughout. Round trips also cross the test runner and the browser's own process, which
  // a loaded machine delays, so their median is held to it; the page's main thread is watched directly: a task over
  // 50 ms is rare and short (the page that copied its history on every epoch was blocked for seconds at a time).
  expect(median).toBeLessThan(100);
  expect(duringTraining.filter((task) => task.duration > 200)).toEqual([]);
  expect(duringTraining.reduce((sum, task) => sum + task.duration, 0)).toBeLessThan(500);
  expect(stopMs).toBeLessThan(1000);
  await expect(page.getByTestId('final-accuracy')).toContainText(/stopped after epoch/);
  await page.screenshot({ path: testInfo.outputPath('billion-epochs-stopped.png'), fullPage: true });
});

/** A large table: 24,000 rows of 64 features (whole numbers 0–16, as the 8×8 digits) and a two-class label. */
function largeCsv(): string {
  const header = [...Array.from({ length: 64 }, (_, i) => `f${i}`), 'label'].join(',');
  const rows = Array.from({ length: 24_000 }, (_, r) => {
    const features = Array.from({ length: 64 }, (_, i) => (r * 7 + i * 13) % 17);
    return [...features, features[0]! > 8 ? 'high' : 'low'].join(',');
  });
  return `${header}\n${rows.join('\n')}\n`;
}

test('an epoch on a large data set streams its minibatch losses and samples per second, and Stop lands within a second mid-epoch', async ({
  page,
  labUrl,
}, testInfo) => {
  test.setTimeout(120_000);
  const file = testInfo.outputPath('large.csv');
  await writeFile(file, largeCsv());
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(labUrl);
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /Network builder/ })
    .click();
  await page.getByRole('button', { name: 'Load preset 64-32-16-8-1 (ReLUs, Sigmoid)' }).click();
  // 64·512+512 + 512·512+512 + 512·8+8 + 8·1+1 = 300,049 parameters, trained one sample at a time: an epoch of 12,000
  // samples takes many seconds, and the weights stay small.
  await page.getByRole('spinbutton', { name: 'Units of layer 1 (Linear)' }).fill('512');
  await page.getByRole('spinbutton', { name: 'Units of layer 3 (Linear)' }).fill('512');
  await expect(page.getByTestId('total-parameters')).toHaveText('300,049');
  await page.getByRole('button', { name: 'Train this network' }).click();
  await page.getByLabel('Data set').selectOption('csv');
  await page.getByLabel('CSV file').setInputFiles(file);
  await expect(page.getByLabel('CSV file')).toHaveAccessibleDescription(/24000 rows, 64 feature columns, 2 classes/, { timeout: 30_000 });
  await page.getByLabel('Network preset').selectOption('builder');
  await page.getByLabel('Epochs').fill('20');
  await page.getByLabel('Minibatch size').fill('1');
  await observePage(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  const rate = page.getByTestId('samples-per-second');
  await expect(rate).toHaveText(/^[\d,]+ samples\/s$/, { timeout: 60_000 });
  const batchLine = page.getByRole('img', { name: 'Loss per minibatch' }).locator('path.line-batch');
  const lineNow = async () => (await batchLine.count()) > 0 && (await batchLine.getAttribute('d'));
  const first = await lineNow();
  // The minibatch curve grows while the first epoch is still running.
  await expect.poll(async () => (await lineNow()) !== first && (await epochsShown(page)) === 0, { timeout: 30_000 }).toBe(true);
  expect(await epochsShown(page)).toBe(0);
  await expect(page.getByTestId('live-minibatch')).toHaveText(/^minibatch [\d,]+: loss \d/);
  const rateShown = await rate.textContent();
  await page.screenshot({ path: testInfo.outputPath('mid-epoch-1280x800.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('mid-epoch-1920x1080.png') });

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('region', { name: 'Run status' }).getByText('Stopped', { exact: true })).toBeVisible({ timeout: 30_000 });
  const seen = await page.evaluate(() => (window as unknown as { longRun: { stopClicked: number; stoppedShown: number } }).longRun);
  const stopMs = seen.stoppedShown - seen.stopClicked;
  testInfo.annotations.push({
    type: 'measured',
    description: `mid-epoch stop ${stopMs.toFixed(0)} ms; rate shown ${rateShown}`,
  });
  console.log(testInfo.annotations.at(-1)!.description);
  expect(stopMs).toBeLessThan(1000);
  await expect(page.getByRole('region', { name: 'Run status' }).getByText(/^Stopped before the first epoch finished/)).toBeVisible();
  await expect(rate).toHaveCount(0);
});
