// Which project file the command line asks the desktop app to open: a double-click, `backprop-lab file`, or none.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectFileFromArgv } from '../../main/projectArgs.js';

describe('projectFileFromArgv', () => {
  it('takes the file after the executable in a packaged app, resolved against the folder it was started in', () => {
    expect(projectFileFromArgv(['/opt/Backprop Lab/backprop-lab', 'runs/digits.backprop-lab.json'], '/home/ada', true)).toBe(
      path.resolve('/home/ada', 'runs/digits.backprop-lab.json'),
    );
    expect(projectFileFromArgv(['C:\\Apps\\Backprop Lab.exe', '/data/x.backprop-lab.json'], '/home/ada', true)).toBe(path.resolve('/data/x.backprop-lab.json'));
  });

  it("skips Electron's app folder in an unpackaged run, and Chromium's switches", () => {
    expect(projectFileFromArgv(['/usr/bin/electron', '.', '--no-sandbox', 'mine.json'], '/work/lab', false)).toBe(path.resolve('/work/lab', 'mine.json'));
    expect(projectFileFromArgv(['/usr/bin/electron', '/work/lab/package.json'], '/work/lab', false)).toBeUndefined();
  });

  it('is none when no project file is named', () => {
    expect(projectFileFromArgv(['/opt/Backprop Lab/backprop-lab'], '/home/ada', true)).toBeUndefined();
    expect(projectFileFromArgv(['/opt/Backprop Lab/backprop-lab', '--enable-logging', 'notes.txt'], '/home/ada', true)).toBeUndefined();
  });
});
