// End-to-end fixture (Node, test runner): the real browser host on a free port, started for each test worker and stopped after.
import { test as base } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHost, stopBrowserHost } from '../host/browserHostProcess.js';

/**
 * `labUrl`: the address of a browser host that lives as long as the test worker; `dataFolder`: the host's own data
 * folder (where it keeps the last session's unsaved work), a fresh one for each worker.
 */
export const test = base.extend<object, { labUrl: string; dataFolder: string }>({
  dataFolder: [
    async ({}, use) => {
      const folder = await mkdtemp(join(tmpdir(), 'backprop-lab-data-'));
      try {
        await use(folder);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
  labUrl: [
    async ({ dataFolder }, use) => {
      const host = await startBrowserHost(0, { ...process.env, BACKPROP_LAB_DATA: dataFolder });
      try {
        await use(host.url);
      } finally {
        await stopBrowserHost(host.process);
      }
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
