// Where Backprop Lab keeps its own files on this machine, outside any project (plain Node: the browser host).
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Set to a folder to keep the lab's own files there instead (tests, portable installs). */
export const DATA_FOLDER_VARIABLE = 'BACKPROP_LAB_DATA';

/**
 * The folder each system keeps an application's data in: %APPDATA%\Backprop Lab on Windows, ~/Library/Application
 * Support/Backprop Lab on macOS, $XDG_DATA_HOME/backprop-lab (else ~/.local/share/backprop-lab) elsewhere.
 */
export function dataFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  const chosen = env[DATA_FOLDER_VARIABLE];
  if (chosen) return chosen;
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Backprop Lab');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Backprop Lab');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'backprop-lab');
}

/** The file that keeps the last session's unsaved work, in a data folder. */
export const AUTOSAVE_FILE_NAME = 'autosave.backprop-lab.json';
