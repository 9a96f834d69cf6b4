// Rasterises an SVG document to PNG with resvg, using the DejaVu fonts the app ships so the text renders anywhere (Node, the CLI process).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);

/** The shipped font files: the text of an exported plot never depends on the machine's fonts. */
function fontFiles(): string[] {
  const folder = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return [join(folder, 'DejaVuSans.ttf'), join(folder, 'DejaVuSans-Bold.ttf')];
}

/** PNG bytes of `svg`, drawn at `scale` times its size (2 gives a sharp image on high-density screens). */
export function renderPng(svg: string, scale = 2): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
