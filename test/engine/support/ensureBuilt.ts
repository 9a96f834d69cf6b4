// Makes sure dist/ holds a compiled engine and CLI no older than their sources, building them (once, under a lock) if not.
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
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Sources under engine/ and cli/ whose compiled file is missing or older. */
function staleSources(): string[] {
  return ['engine', 'cli'].flatMap((folder) => sources(join(REPOSITORY, folder))).filter((source) => {
    const compiled = join(REPOSITORY, 'dist', relative(REPOSITORY, source)).replace(/\.ts$/, '.js');
    return !existsSync(compiled) || statSync(compiled).mtimeMs < statSync(source).mtimeMs;
  });
}

function sleep(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

/** Compiles with tsconfig.node.json when dist/ is stale; several test files may call this at once. */
export function ensureBuilt(): void {
  if (staleSources().length === 0) return;
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
      if (staleSources().length === 0) return;
    }
  }
  try {
    if (staleSources().length === 0) return;
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.node.json'], { cwd: REPOSITORY, encoding: 'utf8' });
    const still = staleSources();
    if (still.length > 0) throw new Error(`building dist/ failed for ${still.join(', ')}:\n${result.stdout}${result.stderr}`);
  } finally {
    try { rmdirSync(lock); } catch { /* another process took it over */ }
  }
}
