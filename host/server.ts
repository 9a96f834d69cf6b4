// Browser host (Node): the loopback HTTP server — the built renderer's files, and the engine's WebSocket at /engine.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { encodeWire } from '../contract/wire.js';
import { HOST_STREAM, framesOf } from '../contract/wireFrames.js';
import { WEBSOCKET_MAX_PAYLOAD } from '../engine/limits.js';
import { buildHeaderPolicy, readMetaPolicy } from './contentSecurityPolicy.js';
import { EngineBridge } from './engineBridge.js';
import { serveStaticFile } from './staticFiles.js';
import { answerWorkStore, WORK_STORE_PATH } from './workStoreRoute.js';

export interface WebHostOptions {
  /** 0 picks a free port. */
  port: number;
  /** The folder of the built renderer (holding index.html). */
  rendererRoot: string;
  /** The engine's child-process entry (a .js file to fork). */
  enginePath: string;
  /** The most pages connected at once, each with its own engine process (default DEFAULT_MAX_PAGES). */
  maxPages?: number;
  /** The file that keeps the last session's unsaved work (see host/workStoreRoute.ts); none: the page keeps none. */
  autosaveFile?: string;
}

/** How many pages (tabs) may drive an engine at once by default: each forks its own engine process. */
export const DEFAULT_MAX_PAGES = 4;

/** The WebSocket close code for "try again later" (RFC 6455 registry). */
const TRY_AGAIN_LATER = 1013;

export interface RunningWebHost {
  /** The address to open, e.g. http://127.0.0.1:5173/ */
  readonly url: string;
  /** Closes every connection, stops every engine, and stops listening. */
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

/** Starts the browser host on the loopback interface only. Rejects if the renderer is not built or the port is taken. */
export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const indexHtml = await readFile(join(options.rendererRoot, 'index.html'), 'utf8').catch(() => {
    throw new Error(`the renderer is not built (no index.html in ${options.rendererRoot}); run npm run build`);
  });
  const bridges = new Set<EngineBridge>();
  const sites = { hosts: new Set<string>(), origins: new Set<string>(), headers: {} as Record<string, string> };

  const server = createServer((request, response) => {
    if (!sites.hosts.has(request.headers.host ?? '')) {
      response.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('this server answers only to its loopback address\n');
      return;
    }
    if (options.autosaveFile && (request.url ?? '').split('?')[0] === WORK_STORE_PATH) {
      void answerWorkStore(request, response, options.autosaveFile, sites.origins);
      return;
    }
    serveStaticFile(request, response, options.rendererRoot, sites.headers).catch(() => response.destroy());
  });
  // ws closes a connection whose frame passes maxPayload; it is set above the largest request, so a request a little
  // too large still arrives and is answered with an error that names the limit (see EngineBridge.receiveFrame).
  const sockets = new WebSocketServer({ noServer: true, maxPayload: WEBSOCKET_MAX_PAYLOAD });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '').split('?')[0];
    const origin = request.headers.origin ?? '';
    if (path !== '/engine' || !sites.hosts.has(request.headers.host ?? '') || !sites.origins.has(origin)) {
      // Only this server's own page may drive the engine: another site open in the same browser must not.
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
      if (bridges.size >= maxPages) refusePage(webSocket, maxPages);
      else attachEngine(webSocket, options.enginePath, bridges);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  for (const host of [`${LOOPBACK}:${port}`, `localhost:${port}`]) {
    sites.hosts.add(host);
    sites.origins.add(`http://${host}`);
  }
  sites.headers = {
    'Content-Security-Policy': buildHeaderPolicy(
      readMetaPolicy(indexHtml),
      [...sites.hosts].map((host) => `ws://${host}/engine`),
    ),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };

  return {
    url: `http://${LOOPBACK}:${port}/`,
    close: async () => {
      const enginesStopped = Promise.all([...bridges].map((bridge) => bridge.close()));
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await Promise.all([enginesStopped, new Promise<void>((resolve) => server.close(() => resolve()))]);
    },
  };
}

/** Tells a page over the limit why it has no engine, and closes its socket; the page retries on its own and gets in once another closes. */
function refusePage(webSocket: WebSocket, maxPages: number): void {
  const message =
    `This lab server already runs ${maxPages} pages, each with its own engine, the most it allows. ` +
    'Close another tab of the lab and this one connects by itself (or start the server with a larger --max-pages).';
  for (const frame of framesOf(encodeWire({ kind: 'status', status: { state: 'crashed', message } }), HOST_STREAM)) webSocket.send(frame, { binary: true });
  webSocket.close(TRY_AGAIN_LATER, 'too many pages');
}

function attachEngine(webSocket: WebSocket, enginePath: string, bridges: Set<EngineBridge>): void {
  const bridge = new EngineBridge(enginePath, (frame) => {
    if (webSocket.readyState === webSocket.OPEN) webSocket.send(frame, { binary: true });
  });
  bridges.add(bridge);
  webSocket.on('message', (data, isBinary) => bridge.receiveFrame(toBuffer(data), isBinary));
  webSocket.on('close', () => {
    bridges.delete(bridge);
    void bridge.close();
  });
  webSocket.on('error', () => webSocket.terminate());
}

function toBuffer(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}
