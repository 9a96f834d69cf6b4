// Removing what an interrupted atomic write left behind: only this app's temporary names, only when their writer is gone or they are old.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { temporaryPathFor } from '../../node/atomicWrite.js';
import { removeStaleTemporaryFiles, STALE_AFTER_MS } from '../../node/staleTemporaryFiles.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** The id of a process that has exited (a short child, waited for). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('stale temporary files', () => {
  it("removes a dead writer's temporary file and staging folder, and keeps live ones and the user's files", () => {
    const folder = mkdtempSync(join(tmpdir(), 'backprop-lab-stale-'));
    folders.push(folder);
    const dead = deadPid();
    writeFileSync(join(folder, `.autosave.json.${dead}.0a1b2c3d.tmp`), 'half');
    mkdirSync(join(folder, `.run.${dead}.0a1b2c3d.partial`));
    const live = temporaryPathFor(join(folder, 'project.json'));
    writeFileSync(live, 'being written');
    writeFileSync(join(folder, 'project.json'), 'whole');
    writeFileSync(join(folder, '.hidden.tmp'), 'not ours');
    expect(removeStaleTemporaryFiles(folder).sort()).toEqual([`.autosave.json.${dead}.0a1b2c3d.tmp`, `.run.${dead}.0a1b2c3d.partial`]);
    expect(readdirSync(folder).sort()).toEqual(['.hidden.tmp', live.slice(folder.length + 1), 'project.json'].sort());
  });

  it('removes an old temporary file even when a process with its id is running now', () => {
    const folder = mkdtempSync(join(tmpdir(), 'backprop-lab-stale-'));
    folders.push(folder);
    const old = temporaryPathFor(join(folder, 'settings.json'));
    writeFileSync(old, 'left long ago');
    const longAgo = (Date.now() - STALE_AFTER_MS - 60_000) / 1000;
    utimesSync(old, longAgo, longAgo);
    expect(removeStaleTemporaryFiles(folder)).toHaveLength(1);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('leaves a folder it cannot read alone', () => {
    expect(removeStaleTemporaryFiles(join(tmpdir(), 'backprop-lab-no-such-folder'))).toEqual([]);
  });
});
