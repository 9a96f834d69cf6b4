// The browser host as a process: loopback only, its own origin only, its own files only, and a clean stop.
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childPidsOf, startBrowserHost, stopBrowserHost, type BrowserHostProcess } from './browserHostProcess.js';
import { isStatus, openLabSocket } from './labSocket.js';

/** A raw GET with the path sent exactly as written (no client-side normalisation of `..`). */
function rawGet(
  port: number,
  path: string,
  host = `127.0.0.1:${port}`,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Whether a TCP connection to address:port is accepted. */
function canConnect(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('browser host', () => {
  let host: BrowserHostProcess;
  beforeAll(async () => {
    host = await startBrowserHost();
  });
  afterAll(async () => {
    await stopBrowserHost(host.process);
  });

  it('prints exactly one line, the loopback address it serves', () => {
    expect(host.output().split('\n').filter(Boolean)).toEqual([`Backprop Lab is running at http://127.0.0.1:${host.port}/`]);
    expect(host.port).toBeGreaterThan(0);
  });

  it('listens on 127.0.0.1 and on no other address of the machine', async () => {
    expect(await canConnect('127.0.0.1', host.port)).toBe(true);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((info) => info !== undefined && !info.internal && !info.address.startsWith('fe80'))
      .map((info) => info!.address);
    for (const address of ['::1', ...others]) expect(await canConnect(address, host.port), address).toBe(false);
  });

  it('serves index.html at / as HTML, with a Content-Security-Policy that allows only its own WebSocket', async () => {
    const page = await rawGet(host.port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toMatch(/<div id="app">/);
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toMatch(/default-src 'self'/);
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toContain(`ws://127.0.0.1:${host.port}/engine`);
    expect(policy).not.toMatch(/ws:\/\/[^ ;]*:\*/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
  });

  it('serves the built scripts as JavaScript', async () => {
    const page = await rawGet(host.port, '/');
    const script = /<script[^>]*src="\.?\/?([^"]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const file = await rawGet(host.port, `/${script}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('answers 404 for a file it does not have', async () => {
    expect((await rawGet(host.port, '/no-such-file.js')).status).toBe(404);
  });

  it.each([
    '/../package.json',
    '/../../package.json',
    '/..%2f..%2fpackage.json',
    '/%2e%2e/%2e%2e/package.json',
    '/assets/../../../package.json',
    '/..\\..\\package.json',
    '/%00index.html',
  ])('refuses to serve anything outside its folder for %s', async (path) => {
    const answer = await rawGet(host.port, path);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.body).not.toContain('"name"');
  });

  it('refuses a request whose Host is not its own address', async () => {
    const answer = await rawGet(host.port, '/', `evil.example:${host.port}`);
    expect(answer.status).toBe(421);
    expect(answer.body).not.toContain('<div id="app">');
  });

  it('accepts a WebSocket from its own origin, as 127.0.0.1 and as localhost, and reports a ready engine', async () => {
    for (const origin of [`http://127.0.0.1:${host.port}`, `http://localhost:${host.port}`]) {
      const socket = await openLabSocket(host.url, origin);
      await socket.next(isStatus('ready'));
      socket.close();
    }
  });

  it('refuses a WebSocket from another origin, or with no origin at all', async () => {
    await expect(openLabSocket(host.url, 'http://evil.example')).rejects.toThrow(/403/);
    await expect(openLabSocket(host.url, `http://127.0.0.1:${host.port + 1}`)).rejects.toThrow(/403/);
    await expect(openLabSocket(host.url, `https://127.0.0.1:${host.port}`)).rejects.toThrow(/403/);
    await expect(openLabSocket(host.url, undefined)).rejects.toThrow(/403/);
  });
});

describe('browser host shutdown', () => {
  it('exits cleanly on SIGTERM and leaves no engine process behind', async () => {
    const host = await startBrowserHost();
    const socket = await openLabSocket(host.url, `http://127.0.0.1:${host.port}`);
    await socket.next(isStatus('ready'));
    const engines = childPidsOf(host.process.pid!);
    expect(engines.length).toBe(1);
    expect(await stopBrowserHost(host.process)).toBe(0);
    for (const pid of engines) expect(() => process.kill(pid, 0)).toThrow();
  });
});
