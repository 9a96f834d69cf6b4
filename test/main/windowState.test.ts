// The window's remembered size and place: read back, fitted to the screens there are now, damaged files ignored.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, fitToScreens, MIN_SIZE, parseWindowState, readWindowState, writeWindowState } from '../../main/windowState.js';

const laptop = { x: 0, y: 0, width: 1440, height: 870 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1410 };

describe('the window state', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'backprop-lab-window-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('is written atomically and read back as it was', async () => {
    const file = join(folder, 'window-state.json');
    const state = { bounds: { x: 1500, y: 40, width: 1600, height: 1000 }, maximized: true };
    await writeWindowState(file, state);
    expect(await readWindowState(file)).toEqual(state);
    expect(await readdir(folder)).toEqual(['window-state.json']);
  });

  it('is no state when the file is missing, not JSON, or not bounds of whole numbers', async () => {
    expect(await readWindowState(join(folder, 'none.json'))).toBeUndefined();
    const damaged = join(folder, 'damaged.json');
    await writeFile(damaged, '{"bounds":{"x":1,');
    expect(await readWindowState(damaged)).toBeUndefined();
    expect(parseWindowState('{"bounds":{"x":1,"y":2,"width":"big","height":3},"maximized":false}')).toBeUndefined();
    expect(parseWindowState('{"bounds":{"x":1,"y":2,"width":3.5,"height":3},"maximized":false}')).toBeUndefined();
    expect(parseWindowState('{"bounds":{"x":1,"y":2,"width":3,"height":3}}')).toBeUndefined();
  });

  it('opens at the default size, centred, the first time', () => {
    expect(fitToScreens(undefined, [laptop])).toEqual({ bounds: { ...DEFAULT_SIZE }, maximized: false });
  });

  it('opens where it was when that place is on a screen', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1700, height: 1100 }, maximized: false };
    expect(fitToScreens(saved, [laptop, monitor])).toEqual(saved);
  });

  it('moves onto a screen and shrinks to fit it when the screen it was on has gone or is smaller', () => {
    const onMonitor = { bounds: { x: 1600, y: 100, width: 2400, height: 1300 }, maximized: true };
    expect(fitToScreens(onMonitor, [laptop])).toEqual({ bounds: { width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height }, maximized: true });
    const tooLarge = { bounds: { x: 100, y: 50, width: 2000, height: 1200 }, maximized: false };
    expect(fitToScreens(tooLarge, [laptop])).toEqual({ bounds: { x: 0, y: 0, width: 1440, height: 870 }, maximized: false });
    const tiny = { bounds: { x: 10, y: 10, width: 200, height: 100 }, maximized: false };
    expect(fitToScreens(tiny, [laptop]).bounds).toMatchObject({ width: MIN_SIZE.width, height: MIN_SIZE.height });
  });
});
