// What main asks before a page with unsaved work goes, and the recent projects list: plain data, tested without Electron.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leaveDialogOptions, shouldLeave } from '../../main/leaveDecision.js';
import { MAX_RECENT, readRecent, withRecent, writeRecent } from '../../main/recentProjects.js';

describe('the question before unsaved work is lost', () => {
  it('stays by default and on Esc, and leaves only on Close Without Saving', () => {
    const options = leaveDialogOptions();
    expect(options.buttons).toEqual(['Close Without Saving', 'Stay']);
    expect(options.defaultId).toBe(1);
    expect(options.cancelId).toBe(1);
    expect(shouldLeave(0)).toBe(true);
    expect(shouldLeave(options.cancelId!)).toBe(false);
  });
});

describe('the recent projects', () => {
  it('put the latest first, once, and keep at most ten', () => {
    let list: string[] = [];
    for (let i = 0; i < 12; i++) list = withRecent(list, `/p/${i}.backprop-lab.json`);
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toBe('/p/11.backprop-lab.json');
    expect(withRecent(list, '/p/5.backprop-lab.json').slice(0, 2)).toEqual(['/p/5.backprop-lab.json', '/p/11.backprop-lab.json']);
    expect(withRecent(list, '/p/5.backprop-lab.json').filter((f) => f === '/p/5.backprop-lab.json')).toHaveLength(1);
  });

  it('are read back as written, and a damaged file is an empty list', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'backprop-lab-recent-'));
    try {
      const file = join(folder, 'recent.json');
      await writeRecent(file, ['/a.backprop-lab.json', '/b.backprop-lab.json']);
      expect(await readRecent(file)).toEqual(['/a.backprop-lab.json', '/b.backprop-lab.json']);
      await writeFile(file, '{"not":"a list"');
      expect(await readRecent(file)).toEqual([]);
      await writeFile(file, '["/ok.json", 3, null]');
      expect(await readRecent(file)).toEqual(['/ok.json']);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
