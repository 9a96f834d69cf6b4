// npm run dev (Node): the dev server serves the renderer through Vite, bridges its own page to an engine, refuses other pages, and Ctrl-C stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { decodeWire } from '../../contract/wire.js';
import { readFrameHeader } from '../../contract/wireFrames.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Resolves to the address the dev server prints, once it has printed it. */
function addressOf(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (text: string) => {
      output += text;
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`npm run dev exited with code ${code} before printing its address`)));
  });
}

/** Opens the engine's WebSocket as a page of `origin` would; resolves to the first message (read from its wire frame), or to the HTTP status that refused it. */
function firstReply(url: string, origin: string): Promise<{ message?: unknown; refusedWith?: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(new URL('engine', url).href.replace(/^http/, 'ws'), { origin });
    socket.once('message', (data) => {
      socket.close();
      const frame = readFrameHeader(new Uint8Array(data as Buffer));
      resolve({ message: frame ? decodeWire(frame.payload) : String(data) });
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve({ refusedWith: response.statusCode! });
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

describe('npm run dev', () => {
  let dev: ChildProcess;
  let url: string;
  beforeAll(async () => {
    dev = spawn(process.execPath, ['scripts/dev.mjs'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    url = await addressOf(dev);
  }, 120_000);
  afterAll(() => {
    if (dev.exitCode === null) dev.kill('SIGKILL');
  });

  it('serves the renderer from Vite with its hot-reload client', async () => {
    const page = await fetch(url).then((response) => response.text());
    expect(page).toContain('/@vite/client');
    expect(page).toContain('<div id="app"></div>');
  });

  it("bridges its own page's WebSocket to a ready engine", async () => {
    const { message } = await firstReply(url, new URL(url).origin);
    expect(message).toEqual({ kind: 'status', status: { state: 'ready' } });
  });

  it("refuses another site's page", async () => {
    expect(await firstReply(url, 'http://example.com')).toEqual({ refusedWith: 404 });
  });

  it('stops everything on Ctrl-C', async () => {
    const exited = once(dev, 'exit');
    dev.kill('SIGINT');
    const [code] = await exited;
    expect(code).toBe(0);
  }, 30_000);
});
