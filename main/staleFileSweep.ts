// At start, removes the temporary files an interrupted save of this app left in its data folder (main process).
import { app } from 'electron';
import { removeStaleTemporaryFiles } from '../node/staleTemporaryFiles.js';
import type { AppModule } from './appModule.js';

export function staleFileSweep(): AppModule {
  return {
    name: 'stale temporary files',
    enable() {
      void app.whenReady().then(() => removeStaleTemporaryFiles(app.getPath('userData')));
    },
  };
}
