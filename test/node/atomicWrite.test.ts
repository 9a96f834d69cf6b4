// The atomic write (plain Node): a new file, a replaced file, and failures that leave the old file whole and no temporary file.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** When set, the next rename (sync or async) fails as a full disk would make it, after the temporary file is written. */
const failNextRename = vi.hoisted(() => ({ armed: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (failNextRename.armed) {
        failNextRename.armed = false;
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      }
      return actual.rename(from, to);
    },
  };
});

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return {
    ...actual,
    renameSync: (from: string, to: string) => {
      if (failNextRename.armed) {
        failNextRename.armed = false;
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      }
      return actual.renameSync(from, to);
    },
  };
});

const { writeFileAtomically, writeFileAtomicallyAsync } = await import('../../node/atomicWrite.js');

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'atomic-write-'));
});
afterEach(() => {
  failNextRename.armed = false;
  rmSync(folder, { recursive: true, force: true });
});

const names = () => readdirSync(folder).sort();

describe.each([
  ['writeFileAtomicallyAsync', (path: string, contents: string | Uint8Array) => writeFileAtomicallyAsync(path, contents)],
  ['writeFileAtomically', async (path: string, contents: string | Uint8Array) => writeFileAtomically(path, contents)],
])('%s', (_name, write) => {
  it('writes a new file with exactly the given bytes and leaves nothing else', async () => {
    const target = join(folder, 'weights.npz');
    await write(target, new Uint8Array([0, 1, 2, 255]));
    expect([...readFileSync(target)]).toEqual([0, 1, 2, 255]);
    expect(names()).toEqual(['weights.npz']);
  });

  it('writes only the bytes of a view, not the rest of its buffer', async () => {
    const target = join(folder, 'part.bin');
    await write(target, new Uint8Array([9, 8, 7, 6, 5]).subarray(1, 3));
    expect([...readFileSync(target)]).toEqual([8, 7]);
  });

  it('replaces an existing file and keeps its permissions', async () => {
    const target = join(folder, 'metrics.csv');
    writeFileSync(target, 'old\n');
    chmodSync(target, 0o640);
    await write(target, 'epoch,loss\n1,0.5\n');
    expect(readFileSync(target, 'utf8')).toBe('epoch,loss\n1,0.5\n');
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(names()).toEqual(['metrics.csv']);
  });

  it('leaves the old file whole and no temporary file when the rename fails', async () => {
    const target = join(folder, 'model.onnx');
    writeFileSync(target, 'the previous model');
    failNextRename.armed = true;
    await expect(write(target, 'a new model, never seen')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readFileSync(target, 'utf8')).toBe('the previous model');
    expect(names()).toEqual(['model.onnx']);
  });

  it('leaves a folder of the same name untouched and no temporary file when the target is a folder', async () => {
    const target = join(folder, 'weights.json');
    mkdirSync(target);
    writeFileSync(join(target, 'inside.txt'), 'kept');
    await expect(write(target, '{}')).rejects.toMatchObject({ code: expect.stringMatching(/^(EISDIR|EPERM|EEXIST|ENOTEMPTY)$/) });
    expect(readFileSync(join(target, 'inside.txt'), 'utf8')).toBe('kept');
    expect(names()).toEqual(['weights.json']);
  });

  it('fails without creating anything when the folder does not exist', async () => {
    await expect(write(join(folder, 'missing', 'a.csv'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(names()).toEqual([]);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('fails without touching the old file when the folder is not writable', async () => {
    const target = join(folder, 'metrics.csv');
    writeFileSync(target, 'old\n');
    chmodSync(folder, 0o555);
    try {
      await expect(write(target, 'new\n')).rejects.toMatchObject({ code: 'EACCES' });
    } finally {
      chmodSync(folder, 0o755);
    }
    expect(readFileSync(target, 'utf8')).toBe('old\n');
    expect(names()).toEqual(['metrics.csv']);
  });
});
