// Source maps for the built renderer (Node, benchmark): the renderer built again with hidden source maps into a temporary
// folder, kept only where its scripts equal the ones the browser host serves, so a sampled frame names its source file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVED = join(ROOT, 'dist', 'renderer', 'assets');

/**
 * `resolve(url, line, column)` (0-based line and column, as V8's frames give them) for the served renderer's scripts:
 * `{ source, line, name }` with the source relative to the project (a package's as `node_modules/…`), or undefined where
 * the rebuilt script differs from the served one or the build failed.
 */
export function rendererSources() {
  const folder = mkdtempSync(join(tmpdir(), 'backprop-lab-renderer-maps-'));
  const maps = new Map();
  try {
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const built = spawnSync(process.execPath, [vite, 'build', '--sourcemap', 'hidden', '--outDir', folder, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (built.status === 0) {
      for (const name of readdirSync(join(folder, 'assets')).filter((n) => n.endsWith('.js'))) {
        const served = join(SERVED, name);
        const mapFile = join(folder, 'assets', `${name}.map`);
        if (!existsSync(served) || !existsSync(mapFile) || !readFileSync(served).equals(readFileSync(join(folder, 'assets', name)))) continue;
        maps.set(name, new TraceMap(readFileSync(mapFile, 'utf8')));
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return (url, line, column) => {
    const map = maps.get(String(url).split('/').at(-1));
    if (!map || line < 0) return undefined;
    const at = originalPositionFor(map, { line: line + 1, column: Math.max(0, column) });
    if (!at.source) return undefined;
    const source = relative(ROOT, resolvePath(folder, 'assets', at.source)).replace(/^.*node_modules\//, 'node_modules/');
    return { source, line: at.line, name: at.name ?? undefined };
  };
}
