// Loads the server-rendered charts (Node, the CLI process): dist/charts/chartFiles.js, the lab's own chart components built by `npm run build:node`.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ChartFiles } from '../plots/learningCurves.js';

/** Where the built charts lie: beside the compiled CLI (dist/cli → dist/charts), or in dist/ when the CLI runs from its sources. */
const CANDIDATES = [new URL('../charts/chartFiles.js', import.meta.url), new URL('../dist/charts/chartFiles.js', import.meta.url)];

let loaded: Promise<ChartFiles> | undefined;

/** The chart drawing functions; fails with what to run when the charts are not built. */
export function loadChartFiles(): Promise<ChartFiles> {
  loaded ??= (async () => {
    const found = CANDIDATES.find((url) => existsSync(fileURLToPath(url)));
    if (!found) throw new Error('the charts are not built yet; run "npm run build:node" first');
    const module = (await import(pathToFileURL(fileURLToPath(found)).href)) as { chartFiles: ChartFiles };
    return module.chartFiles;
  })();
  return loaded;
}
