// End to end (Chromium against the browser host): the browser host's saveFile, under the page's real Content-Security-Policy,
// becomes a download with the suggested name and exactly the given bytes. The Export lab's own test covers its buttons.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { expect, test } from './labFixture.js';

const DOWNLOAD_FILE = fileURLToPath(new URL('../../renderer/host/downloadFile.ts', import.meta.url));

/** renderer/host/downloadFile.ts as one script defining `window.downloadFileModule` (the app's bundle does not expose it). */
async function bundleDownloadFile(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: DOWNLOAD_FILE, formats: ['iife'], name: 'downloadFileModule' },
    },
  });
  const chunk = (Array.isArray(output) ? output[0]! : (output as Rolldown.RolldownOutput)).output[0];
  return chunk.code;
}

type SaveWindow = Window & { downloadFileModule: typeof import('../../renderer/host/downloadFile.js') };

test('saveFile in the browser downloads the bytes under the suggested name, and the page policy allows it', async ({ page, labUrl }) => {
  const script = await bundleDownloadFile();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(labUrl);
  await expect(page.getByRole('navigation', { name: 'Labs' })).toBeVisible();
  const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));
  expect(policy).toContain("default-src 'self'");
  await page.evaluate(script);

  const bytes = [0, 1, 2, 127, 128, 254, 255, 10, 13];
  const [download, result] = await Promise.all([
    page.waitForEvent('download'),
    page.evaluate(
      (values) =>
        (window as unknown as SaveWindow).downloadFileModule.downloadFile({
          suggestedName: 'run-1-weights.npz',
          mime: 'application/zip',
          bytes: new Uint8Array(values),
        }),
      bytes,
    ),
  ]);
  expect(result).toEqual({ state: 'saved', where: 'downloads' });
  expect(download.suggestedFilename()).toBe('run-1-weights.npz');
  expect(download.url()).toMatch(/^blob:/);
  const path = await download.path();
  expect([...(await readFile(path))]).toEqual(bytes);
  expect(await download.failure()).toBeNull();
  // The temporary anchor is gone again.
  expect(await page.locator('a[download]').count()).toBe(0);
  expect(violations).toEqual([]);
});
