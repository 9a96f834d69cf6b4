// Browser host (Node): /autosave — the last session's unsaved work kept in the host's data folder, read, replaced or forgotten by the lab's own page only.
import { mkdir, readFile, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { MAX_SAVE_BYTES } from '../engine/limits.js';
import { writeFileAtomicallyAsync } from '../node/atomicWrite.js';

/** The path the page asks at. */
export const WORK_STORE_PATH = '/autosave';

function answer(response: ServerResponse, status: number, text = ''): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(text && `${text}\n`);
}

/**
 * Whether the request comes from the lab's own page: a browser sends Origin with every PUT and DELETE, and
 * Sec-Fetch-Site with every request, so another site open in the same browser is refused, reading included.
 */
function fromOwnPage(request: IncomingMessage, origins: ReadonlySet<string>): boolean {
  const origin = request.headers.origin;
  const site = request.headers['sec-fetch-site'];
  if (origin !== undefined && !origins.has(origin)) return false;
  if (site !== undefined && site !== 'same-origin') return false;
  return request.method === 'GET' || origin !== undefined;
}

/** Reads the body, refusing one larger than the largest file the lab saves. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_SAVE_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Answers GET (the kept text, or 204 when there is none), PUT (replace it, atomically) and DELETE (forget it) for `file`. */
export async function answerWorkStore(request: IncomingMessage, response: ServerResponse, file: string, origins: ReadonlySet<string>): Promise<void> {
  if (!fromOwnPage(request, origins)) return answer(response, 403, 'only the lab’s own page may use its kept work');
  try {
    switch (request.method) {
      case 'GET': {
        const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error)));
        if (text === null) return answer(response, 204);
        response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(text);
        return;
      }
      case 'PUT': {
        const text = await readBody(request);
        if (text === undefined) return answer(response, 413, `the work to keep is larger than ${MAX_SAVE_BYTES / (1024 * 1024)} MB`);
        await mkdir(dirname(file), { recursive: true });
        await writeFileAtomicallyAsync(file, text);
        return answer(response, 204);
      }
      case 'DELETE':
        await rm(file, { force: true });
        return answer(response, 204);
      default:
        response.setHeader('Allow', 'GET, PUT, DELETE');
        return answer(response, 405, 'GET, PUT or DELETE');
    }
  } catch (error) {
    return answer(response, 500, `the kept work could not be ${request.method === 'GET' ? 'read' : 'written'}: ${(error as Error).message}`);
  }
}
