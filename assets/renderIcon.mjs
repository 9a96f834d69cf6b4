// Renders assets/icon.svg to assets/icon.png (512×512) in headless Chromium (build tooling, run by hand after editing the SVG).
// Usage: node assets/renderIcon.mjs [path to a Chromium executable; default /usr/bin/chromium]
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/debianChromium.mjs';

const SIZE = 512;
const svgPath = fileURLToPath(new URL('./icon.svg', import.meta.url));
const pngPath = fileURLToPath(new URL('./icon.png', import.meta.url));
const executablePath = process.argv[2] ?? CHROMIUM_PATH;

const svg = await readFile(svgPath, 'utf8');
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`);
  await page.locator('svg').screenshot({ path: pngPath, omitBackground: true });
  console.log(`wrote ${pngPath}`);
} finally {
  await browser.close();
}
