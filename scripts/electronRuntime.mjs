// The installed Electron runtime (Node, scripts): found without triggering the electron package's download.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The Electron executable if it is already installed. Never calls require('electron') otherwise: that would download. */
export function installedElectron() {
  const packageDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    if (!existsSync(pathFile)) return undefined;
    if (!existsSync(join(packageDir, 'dist', readFileSync(pathFile, 'utf8')))) return undefined;
  }
  try {
    return require('electron');
  } catch {
    return undefined;
  }
}
