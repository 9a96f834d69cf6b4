// The browser host's limits on what it serves: symbolic links that leave its folder are refused, and pages past the
// most it allows get a message instead of another engine process, then connect once a page closes.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type RunningWebHost } from '../../host/server.js';
import { ensureBuilt, REPOSITORY } from '../engine/support/ensureBuilt.js';
import { isStatus, openLabSocket } from './labSocket.js';

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('browser host limits', () => {
  let folder: string;
  let host: RunningWebHost;
  beforeAll(async () => {
    ensureBuilt();
    folder = mkdtempSync(join(tmpdir(), 'backprop-lab-served-'));
    const root = join(folder, 'renderer');
    mkdirSync(root);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>lab</title>');
    writeFileSync(join(root, 'app.js'), 'export {};');
    writeFileSync(join(folder, 'secret.txt'), 'not for the page');
    symlinkSync(join(folder, 'secret.txt'), join(root, 'leak.txt'));
    symlinkSync(join(root, 'app.js'), join(root, 'alias.js'));
    host = await startWebHost({ port: 0, rendererRoot: root, enginePath: join(REPOSITORY, 'dist/engine/worker/childProcessEntry.js'), maxPages: 1 });
  });
  afterAll(async () => {
    await host.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('refuses a symbolic link that leads out of the served folder', async () => {
    const answer = await get(`${host.url}leak.txt`);
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain('not for the page');
  });

  it('serves a symbolic link that stays inside the folder', async () => {
    expect(await get(`${host.url}alias.js`)).toEqual({ status: 200, body: 'export {};' });
  });

  it('tells a page past the limit why it has no engine, and lets it in once the other page closes', async () => {
    const origin = host.url.replace(/\/$/, '');
    const first = await openLabSocket(host.url, origin);
    await first.next(isStatus('ready'));
    const second = await openLabSocket(host.url, origin);
    const refused = await second.next(isStatus('crashed'));
    expect(refused.kind === 'status' && refused.status.state === 'crashed' && refused.status.message).toMatch(
      /already runs 1 pages, each with its own engine, the most it allows\. Close another tab/,
    );
    first.close();
    // The server lets the next page in once it has seen the first one's socket close: try as the page does, again after a wait.
    for (let attempt = 0; ; attempt++) {
      const third = await openLabSocket(host.url, origin);
      const answer = await Promise.race([third.next(isStatus('ready')), third.next(isStatus('crashed'))]);
      third.close();
      if (answer.kind === 'status' && answer.status.state === 'ready') break;
      expect(attempt).toBeLessThan(40);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });
});
