// End-to-end fixture (Node, test runner): the real browser host on a free port, started for each test worker and stopped after.
import { test as base } from '@playwright/test';
import { startBrowserHost, stopBrowserHost } from '../host/browserHostProcess.js';

/** `labUrl`: the address of a browser host that lives as long as the test worker. */
export const test = base.extend<object, { labUrl: string }>({
  labUrl: [
    async ({}, use) => {
      const host = await startBrowserHost();
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
