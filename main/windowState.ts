// The window's size and place between sessions (main process; plain Node): read, fitted to the screens there are now, written atomically.
import { readFile } from 'node:fs/promises';
import { writeFileAtomicallyAsync } from '../node/atomicWrite.js';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

/** The size a window opens at the first time, and the least it may have. */
export const DEFAULT_SIZE = { width: 1280, height: 840 } as const;
export const MIN_SIZE = { width: 900, height: 600 } as const;

const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 1e6;

/** A saved state read back, or undefined when the text is not one (a damaged file is ignored, never trusted). */
export function parseWindowState(text: string): WindowState | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { bounds, maximized } = (json ?? {}) as { bounds?: Partial<Bounds>; maximized?: unknown };
  if (!bounds || ![bounds.x, bounds.y, bounds.width, bounds.height].every(isInteger) || typeof maximized !== 'boolean') return undefined;
  return { bounds: { x: bounds.x!, y: bounds.y!, width: bounds.width!, height: bounds.height! }, maximized };
}

/**
 * Where the window opens: the saved bounds if enough of the window (its title bar's middle) lies on a screen there is
 * now, shrunk to fit that screen and never below MIN_SIZE; else the default size, centred by the system (no x, y).
 */
export function fitToScreens(
  saved: WindowState | undefined,
  workAreas: readonly Bounds[],
): { bounds: Partial<Bounds> & { width: number; height: number }; maximized: boolean } {
  if (!saved) return { bounds: { ...DEFAULT_SIZE }, maximized: false };
  const { x, y, width, height } = saved.bounds;
  const titleMiddle = { x: x + width / 2, y: y + 16 };
  const area = workAreas.find((a) => titleMiddle.x >= a.x && titleMiddle.x < a.x + a.width && titleMiddle.y >= a.y && titleMiddle.y < a.y + a.height);
  if (!area)
    return {
      bounds: {
        width: Math.max(MIN_SIZE.width, Math.min(width, DEFAULT_SIZE.width)),
        height: Math.max(MIN_SIZE.height, Math.min(height, DEFAULT_SIZE.height)),
      },
      maximized: saved.maximized,
    };
  const fittedWidth = Math.max(MIN_SIZE.width, Math.min(width, area.width));
  const fittedHeight = Math.max(MIN_SIZE.height, Math.min(height, area.height));
  return {
    bounds: {
      x: Math.min(Math.max(x, area.x), area.x + area.width - fittedWidth),
      y: Math.min(Math.max(y, area.y), area.y + area.height - fittedHeight),
      width: fittedWidth,
      height: fittedHeight,
    },
    maximized: saved.maximized,
  };
}

/** Reads the saved state from `file`; a missing or damaged file is no state. */
export async function readWindowState(file: string): Promise<WindowState | undefined> {
  return parseWindowState(await readFile(file, 'utf8').catch(() => ''));
}

/** Writes the state to `file` atomically, so a crash while writing never leaves half of it. */
export async function writeWindowState(file: string, state: WindowState): Promise<void> {
  await writeFileAtomicallyAsync(file, `${JSON.stringify(state)}\n`);
}
