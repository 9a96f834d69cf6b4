// Browser host (Node): one WebSocket's engine — a child process speaking the wire in frames, restarted if it dies.
// Frames pass between the page and the engine as they are: the host reads only their headers (the size limit, the ids of a
// refused request) and never decodes a message, so a large result never holds it up for the other pages.
import { fork, type ChildProcess } from 'node:child_process';
import type { EngineStatus } from '../contract/labHost.js';
import { idsNearStart, oversizeFrame } from '../contract/messageLimits.js';
import type { EngineEvent } from '../engine/protocol/index.js';
import { encodeWire, wireHead, type HostEnvelope } from '../contract/wire.js';
import { HOST_STREAM, framesOf, readFrameHeader } from '../contract/wireFrames.js';
import { MAX_REQUEST_BYTES } from '../engine/limits.js';
import { childExecArgv } from '../node/relaxedSimdFlags.js';

/** At most this many of a page's requests may be arriving in pieces at once (the engine takes far fewer). */
const ARRIVING_KEPT = 1024;

/** How long to wait before starting a fresh engine after the n-th crash in a row (the first restart is immediate). */
function restartDelayMs(crashesInARow: number): number {
  return crashesInARow <= 1 ? 0 : Math.min(5000, 250 * 2 ** (crashesInARow - 2));
}

/** Bridges one WebSocket connection to its own engine child process. */
export class EngineBridge {
  readonly #enginePath: string;
  readonly #sendFrame: (frame: Uint8Array) => void;
  #child: ChildProcess | undefined;
  #crashesInARow = 0;
  #restartTimer: NodeJS.Timeout | undefined;
  #closed = false;
  /** The page's requests whose first frame went to the current engine and whose last has not: only their frames follow. */
  readonly #arriving = new Set<number>();

  /** Starts an engine at once; `sendFrame` delivers a binary frame to the renderer. */
  constructor(enginePath: string, sendFrame: (frame: Uint8Array) => void) {
    this.#enginePath = enginePath;
    this.#sendFrame = sendFrame;
    this.#startEngine();
  }

  /** Handles one frame from the renderer: a piece of a request, passed on to the engine (which reads and checks it). */
  receiveFrame(data: Buffer, isBinary: boolean): void {
    if (!isBinary) {
      if (data.length > MAX_REQUEST_BYTES) return this.#sendEvent(oversizeFrame(data.subarray(0, 16384).toString(), data.length));
      return this.#sendEvent({ type: 'error', message: 'bad request: text frames are not understood; the lab sends its messages as binary wire frames' });
    }
    const header = readFrameHeader(data);
    if (!header) return this.#sendEvent({ type: 'error', message: 'bad request: a binary frame without the wire header' });
    const { stream, offset, total, payload } = header;
    const last = offset + payload.length >= total;
    if (offset > 0) {
      // The rest of a request refused at its first frame, or cut off when its engine died, goes nowhere.
      if (!this.#arriving.has(stream)) return;
      if (last) this.#arriving.delete(stream);
      this.#child?.send(data);
      return;
    }
    this.#arriving.delete(stream);
    if (total > MAX_REQUEST_BYTES) return this.#sendEvent(oversizeFrame(wireHead(payload), total));
    const child = this.#child;
    if (!child?.connected)
      return this.#sendEvent({ type: 'error', ...idsNearStart(wireHead(payload)), message: 'the engine is restarting; try again in a moment' });
    if (!last) {
      if (this.#arriving.size >= ARRIVING_KEPT) this.#arriving.clear();
      this.#arriving.add(stream);
    }
    child.send(data, (error) => {
      if (error) this.#sendEvent({ type: 'error', ...idsNearStart(wireHead(payload)), message: `the request did not reach the engine: ${error.message}` });
    });
  }

  /** Stops the engine for good (the WebSocket closed, or the host is shutting down); resolves once its process has exited. */
  close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#restartTimer);
    const child = this.#child;
    this.#child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill();
    return exited;
  }

  #startEngine(): void {
    // The child's stdout goes to our stderr: the host's stdout carries only the line with its address.
    const child = fork(this.#enginePath, [], { serialization: 'advanced', stdio: ['ignore', 'pipe', 'inherit', 'ipc'], execArgv: childExecArgv() });
    this.#child = child;
    child.stdout?.pipe(process.stderr);
    child.on('spawn', () => this.#sendStatus({ state: 'ready' }));
    child.on('message', (frame: unknown) => {
      this.#crashesInARow = 0;
      if (frame instanceof Uint8Array && !this.#closed && this.#child === child) this.#sendFrame(frame);
    });
    child.on('error', (error) => process.stderr.write(`engine process: ${error.message}\n`));
    child.on('exit', (code, signal) => {
      if (this.#closed || this.#child !== child) return;
      this.#child = undefined;
      this.#crashesInARow++;
      this.#arriving.clear();
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      this.#sendStatus({ state: 'crashed', message: `The engine process ${how}; any run in progress has failed. Starting a fresh engine.` });
      this.#restartTimer = setTimeout(() => this.#startEngine(), restartDelayMs(this.#crashesInARow));
    });
  }

  #sendEvent(event: EngineEvent): void {
    this.#sendEnvelope({ kind: 'event', event });
  }

  #sendStatus(status: EngineStatus): void {
    this.#sendEnvelope({ kind: 'status', status });
  }

  #sendEnvelope(envelope: HostEnvelope): void {
    if (this.#closed) return;
    for (const frame of framesOf(encodeWire(envelope), HOST_STREAM)) this.#sendFrame(frame);
  }
}
