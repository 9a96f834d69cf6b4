// `backprop-lab train`'s care with its inputs and outputs: --out checked before training, a run's files written together,
// non-finite weights refused with their place, long cells cut, and the engine's warnings printed in the table output too.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutFolder, writeFolderTogether } from '../../cli/outFolder.js';
import { UsageError } from '../../cli/usageError.js';
import { encodeWeightsNpz } from '../../engine/export/npz.js';
import { ensureBuilt, REPOSITORY } from '../engine/support/ensureBuilt.js';

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(REPOSITORY, 'bin/backprop-lab.js'), ...args], { encoding: 'utf8', cwd: REPOSITORY, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

const folders: string[] = [];
const freshFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'backprop-lab-safety-'));
  folders.push(folder);
  return folder;
};

beforeAll(() => ensureBuilt());
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('--out is checked before training', () => {
  it('refuses a file given as the folder with a sentence and exit status 2, before any epoch', () => {
    const file = join(freshFolder(), 'notes.txt');
    writeFileSync(file, 'keep me');
    const { status, stdout, stderr } = cli('train', '--data', 'toy:xor', '--epochs', '1', '--out', file);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^backprop-lab train: --out .*notes\.txt: this is a file, not a folder/);
    expect(stdout).not.toContain('epoch');
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it.runIf(process.platform === 'linux' && existsSync('/proc/self'))('answers at once for a folder under /proc, where files cannot be created', () => {
    const { status, stderr, signal } = cli('train', '--data', 'toy:xor', '--epochs', '1', '--out', '/proc/backprop-lab-run');
    expect(signal).toBeNull();
    expect(status).toBe(2);
    expect(stderr).toMatch(/--out \/proc\/backprop-lab-run: the folder cannot be created in \/proc/);
  });

  it('accepts a folder that does not exist yet and creates it with its parents', () => {
    const target = join(freshFolder(), 'runs', 'first');
    expect(checkOutFolder(target)).toBe(target);
    const { status } = cli('train', '--data', 'toy:xor', '--epochs', '1', '--out', target);
    expect(status).toBe(0);
    expect(readdirSync(target).sort()).toEqual([
      'learning-curves.png',
      'learning-curves.svg',
      'metrics.csv',
      'metrics.json',
      'model-float32.onnx',
      'model.onnx',
      'train_run.py',
      'weights.json',
      'weights.npz',
    ]);
  });

  it('throws a UsageError for a path whose parent is a file', () => {
    const file = join(freshFolder(), 'plain');
    writeFileSync(file, '');
    expect(() => checkOutFolder(join(file, 'run'))).toThrow(UsageError);
  });
});

describe("a run's files move into place together", () => {
  it('leaves an existing run folder as it was and no staging folder behind when writing fails partway', async () => {
    const parent = freshFolder();
    const target = join(parent, 'run');
    mkdirSync(target);
    writeFileSync(join(target, 'metrics.csv'), 'the earlier run');
    await expect(
      writeFolderTogether(target, async (staging) => {
        writeFileSync(join(staging, 'metrics.csv'), 'the new run');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(join(target, 'metrics.csv'), 'utf8')).toBe('the earlier run');
    expect(readdirSync(parent)).toEqual(['run']);
  });

  it("replaces an earlier run's files and keeps the user's other files in the folder", async () => {
    const target = join(freshFolder(), 'run');
    mkdirSync(target);
    writeFileSync(join(target, 'metrics.csv'), 'the earlier run');
    writeFileSync(join(target, 'README.txt'), 'my notes');
    const paths = await writeFolderTogether(target, async (staging) => {
      writeFileSync(join(staging, 'metrics.csv'), 'the new run');
      return [join(staging, 'metrics.csv')];
    });
    expect(paths).toEqual([join(target, 'metrics.csv')]);
    expect(readFileSync(join(target, 'metrics.csv'), 'utf8')).toBe('the new run');
    expect(readFileSync(join(target, 'README.txt'), 'utf8')).toBe('my notes');
    expect(readdirSync(join(target, '..'))).toEqual(['run']);
  });
});

describe('inputs the engine must not trust', () => {
  it('refuses a .npz whose weights hold NaN, naming the entry and the place', () => {
    const folder = freshFolder();
    const W = new Float64Array([0.5, Number.NaN]);
    const npz = encodeWeightsNpz({
      spec: { input: 2, layers: [{ type: 'linear', units: 1 }, { type: 'sigmoid' }] },
      parameters: [
        { layer: 0, name: 'W', shape: [2, 1], values: W },
        { layer: 0, name: 'b', shape: [1], values: new Float64Array([0]) },
      ],
    });
    writeFileSync(join(folder, 'weights.npz'), npz);
    const { status, stderr } = cli('train', '--data', 'toy:xor', '--net', 'linear:1,sigmoid', '--init-from', join(folder, 'weights.npz'), '--epochs', '1');
    expect(status).toBe(2);
    expect(stderr).toMatch(/--init-from .*weights\.npz: layer0_W holds NaN at \[1, 0\] \(value 1\); weights must be finite numbers/);
  });

  it('cuts a 1 MB cell in the message about it and names its length', () => {
    const folder = freshFolder();
    const cell = 'x'.repeat(1_000_000);
    writeFileSync(join(folder, 'table.csv'), `a,b,label\n1,2,p\n3,${cell},q\n5,6,p\n7,8,q\n`);
    const { status, stderr } = cli('train', '--data', join(folder, 'table.csv'), '--epochs', '1');
    expect(status).toBe(2);
    expect(stderr).toContain('row 3, column 2 (b): "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" (1000000 characters) is not a number');
    expect(stderr.length).toBeLessThan(400);
  });
});

describe("the engine's warnings reach the table output", () => {
  it('prints that the learning rate is probably too large without --json', () => {
    const { status, stdout } = cli('train', '--data', 'digits', '--lr', '5', '--epochs', '3');
    expect(status).toBe(0);
    expect(stdout).toMatch(/completed 3 epochs, but .*: the learning rate is probably too large/);
  });

  it('blames the weight decay, not the learning rate, when learning rate × weight decay is above 2', () => {
    const { stdout, stderr } = cli('train', '--data', 'toy:xor', '--lr', '0.1', '--weight-decay', '100', '--epochs', '50');
    const said = stdout + stderr;
    expect(said).toMatch(/the weight decay is too large: learning rate × weight decay = 10\.0, above 2/);
    expect(said).not.toMatch(/learning rate is probably too large|try a smaller learning rate/);
  });
});
