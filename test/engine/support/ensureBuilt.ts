// Makes sure dist/ holds a compiled engine and CLI, and the CLI's server-rendered charts, no older than their sources, building them (once, under a lock) if not.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPOSITORY = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const CHARTS = join(REPOSITORY, 'dist', 'charts', 'chartFiles.js');

/** Whether dist/charts/chartFiles.js is missing or older than a chart or plot source. */
function chartsStale(): boolean {
  if (!existsSync(CHARTS)) return true;
  const built = statSync(CHARTS).mtimeMs;
  return ['renderer/charts', 'plots'].flatMap((folder) => sources(join(REPOSITORY, folder))).some((source) => statSync(source).mtimeMs > built);
}

/** Sources under engine/ and cli/ whose compiled file is missing or older. */
function staleSources(): string[] {
  return ['engine', 'cli']
    .flatMap((folder) => sources(join(REPOSITORY, folder)))
    .filter((source) => source.endsWith('.ts'))
    .filter((source) => {
      const compiled = join(REPOSITORY, 'dist', relative(REPOSITORY, source)).replace(/\.ts$/, '.js');
      return !existsSync(compiled) || statSync(compiled).mtimeMs < statSync(source).mtimeMs;
    });
}

function sleep(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

const isBuilt = () => staleSources().length === 0 && !chartsStale();

/** Compiles with tsconfig.node.json and builds the charts when dist/ is stale; several test files may call this at once. */
export function ensureBuilt(): void {
  if (isBuilt()) return;
  mkdirSync(join(REPOSITORY, 'dist'), { recursive: true });
  const lock = join(REPOSITORY, 'dist', '.build-lock');
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) break; // a lock left by a crashed run: build anyway
      sleep(200);
      if (isBuilt()) return;
    }
  }
  try {
    if (isBuilt()) return;
    const require = createRequire(import.meta.url);
    if (staleSources().length > 0) {
      const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.node.json'], { cwd: REPOSITORY, encoding: 'utf8' });
      const still = staleSources();
      if (still.length > 0) throw new Error(`building dist/ failed for ${still.join(', ')}:\n${result.stdout}${result.stderr}`);
    }
    if (chartsStale()) {
      const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
      const result = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.charts.config.ts'], { cwd: REPOSITORY, encoding: 'utf8' });
      if (chartsStale()) throw new Error(`building dist/charts failed:\n${result.stdout}${result.stderr}`);
    }
  } finally {
    try {
      rmdirSync(lock);
    } catch {
      /* another process took it over */
    }
  }
}
