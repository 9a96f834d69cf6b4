// Playwright: `e2e` drives Debian's Chromium against the browser host; `electron` drives the desktop app where its binary exists.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/debianChromium.mjs';

export default defineConfig({
  outputDir: 'test-results',
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
  // In CI a test that fails is run once more; one that then passes is still named as flaky at the end of `npm test`.
  retries: process.env.CI ? 1 : 0,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  projects: [
    {
      name: 'e2e',
      testDir: 'test/e2e',
      // Each project keeps its own folder: a run of one project clears only its own screenshots.
      outputDir: 'test-results/e2e',
      use: {
        browserName: 'chromium',
        headless: true,
        viewport: { width: 1280, height: 900 },
        launchOptions: {
          // Debian's Chromium, never a downloaded one; without the networking flags it keeps trying to reach the internet.
          executablePath: CHROMIUM_PATH,
          args: CHROMIUM_ARGS,
        },
        screenshot: 'only-on-failure',
        trace: 'off',
      },
    },
    {
      name: 'electron',
      testDir: 'test/electron',
      outputDir: 'test-results/electron',
    },
  ],
});
