// The browser host's kept work (/autosave): read, replaced atomically and forgotten by the lab's own page, refused to any other site.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTOSAVE_FILE_NAME } from '../../node/dataFolder.js';
import { startBrowserHost, stopBrowserHost, type BrowserHostProcess } from './browserHostProcess.js';

function send(port: number, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/autosave', method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the browser host keeps the last session’s unsaved work', () => {
  let host: BrowserHostProcess;
  let folder: string;
  let own: Record<string, string>;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'backprop-lab-work-'));
    host = await startBrowserHost(0, { ...process.env, BACKPROP_LAB_DATA: join(folder, 'not-yet-made') });
    own = { origin: `http://127.0.0.1:${host.port}`, 'sec-fetch-site': 'same-origin' };
  }, 30_000);
  afterAll(async () => {
    await stopBrowserHost(host.process);
    await rm(folder, { recursive: true, force: true });
  });

  it('has nothing to give before anything is kept', async () => {
    expect(await send(host.port, 'GET', { 'sec-fetch-site': 'same-origin' })).toMatchObject({ status: 204, body: '' });
  });

  it('keeps what its own page sends in its data folder, made when first needed, and gives it back', async () => {
    expect((await send(host.port, 'PUT', own, '{"work":1}')).status).toBe(204);
    expect((await send(host.port, 'PUT', own, '{"work":2}')).status).toBe(204);
    const file = join(folder, 'not-yet-made', AUTOSAVE_FILE_NAME);
    expect(await readFile(file, 'utf8')).toBe('{"work":2}');
    expect(await readdir(join(folder, 'not-yet-made'))).toEqual([AUTOSAVE_FILE_NAME]);
    expect(await send(host.port, 'GET', { 'sec-fetch-site': 'same-origin' })).toMatchObject({ status: 200, body: '{"work":2}' });
  });

  it('refuses another site, reading included, and changes nothing', async () => {
    const other = { origin: 'http://example.com', 'sec-fetch-site': 'cross-site' };
    expect((await send(host.port, 'PUT', other, '{"work":"theirs"}')).status).toBe(403);
    expect((await send(host.port, 'DELETE', other)).status).toBe(403);
    expect((await send(host.port, 'GET', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await send(host.port, 'PUT', {}, '{"work":"no origin"}')).status).toBe(403);
    expect((await send(host.port, 'GET', { 'sec-fetch-site': 'same-origin' })).body).toBe('{"work":2}');
  });

  it('forgets the work when its page asks', async () => {
    expect((await send(host.port, 'DELETE', own)).status).toBe(204);
    expect((await send(host.port, 'GET', { 'sec-fetch-site': 'same-origin' })).status).toBe(204);
    expect((await send(host.port, 'POST', own, 'x')).status).toBe(405);
  });
});
