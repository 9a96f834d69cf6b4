// Which project file the app was asked to open on its command line (main process; plain Node): a double-click or `backprop-lab file`.
import path from 'node:path';

/** What a project file is called: `name.backprop-lab.json` (a plain `.json` passed by hand is tried too). */
export const PROJECT_EXTENSION = '.backprop-lab.json';

/**
 * The project file among `argv` (Electron's own: the executable first, then in an unpackaged run the app's folder, then
 * Chromium's switches), resolved against `cwd`; undefined when there is none. `packaged` says whether argv[1] is already
 * the user's.
 */
export function projectFileFromArgv(argv: readonly string[], cwd: string, packaged: boolean): string | undefined {
  const userArgs = argv.slice(packaged ? 1 : 2);
  const file = userArgs.find((arg) => !arg.startsWith('-') && /\.json$/i.test(arg));
  return file === undefined ? undefined : path.resolve(cwd, file);
}
