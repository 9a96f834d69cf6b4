// The command's code cache: a copy of the command whose cache this Node rejects runs all the same and writes a cache it
// then keeps; real processes on a copy of the built command line.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPOSITORY } from '../engine/support/ensureBuilt.js';

let copy: string;

beforeAll(() => {
  ensureBuilt();
  copy = mkdtempSync(join(tmpdir(), 'backprop-lab-cache-'));
  mkdirSync(join(copy, 'bin'));
  mkdirSync(join(copy, 'dist', 'bin'), { recursive: true });
  for (const file of ['backprop-lab.js', 'package.json']) copyFileSync(join(REPOSITORY, 'bin', file), join(copy, 'bin', file));
  copyFileSync(join(REPOSITORY, 'dist', 'bin', 'backprop-lab.cjs'), join(copy, 'dist', 'bin', 'backprop-lab.cjs'));
  symlinkSync(join(REPOSITORY, 'dist', 'engine'), join(copy, 'dist', 'engine'));
  symlinkSync(join(REPOSITORY, 'assets'), join(copy, 'assets'));
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

function train() {
  const result = spawnSync(process.execPath, [join(copy, 'bin', 'backprop-lab.js'), 'train', '--net', 'linear:1,sigmoid', '--epochs', '2', '--json'], {
    encoding: 'utf8',
    cwd: copy,
    timeout: 60_000,
  });
  return { status: result.status, history: result.status === 0 ? JSON.parse(result.stdout).history : result.stderr };
}

describe('the code cache of backprop-lab', () => {
  it('runs with a cache this Node rejects, writes a new one in its place, and keeps that one on the next run', () => {
    const cache = join(copy, 'dist', 'bin', 'backprop-lab.cjs.cache');
    writeFileSync(cache, 'not a code cache');
    const first = train();
    expect(first.status).toBe(0);
    const written = readFileSync(cache);
    expect(written.toString('latin1')).not.toBe('not a code cache');
    expect(written.length).toBeGreaterThan(10_000);
    const writtenAt = statSync(cache).mtimeMs;

    const second = train();
    expect(second.status).toBe(0);
    expect(second.history).toEqual(first.history);
    expect(statSync(cache).mtimeMs).toBe(writtenAt);
  });
});
