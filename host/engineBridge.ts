// Browser host (Node): one WebSocket's engine — a child process speaking the wire in frames, restarted if it dies.
// Frames pass between the page and the engine as they are: the host reads only their headers (the size limit, the ids of a
// refused request) and never decodes a message, so a large result never holds it up for the other pages.
import { fork, type ChildProcess } from 'node:child_process';
import type { EngineStatus } from '../contract/labHost.js';
import { fieldsNearStart, idsNearStart, oversizeFrame } from '../contract/messageLimits.js';
import type { EngineEvent } from '../engine/protocol/index.js';
import { decodeWire, encodeWire, wireHead, type HostEnvelope } from '../contract/wire.js';
import { HOST_STREAM, framesOf, readFrameHeader } from '../contract/wireFrames.js';
import { MAX_REQUEST_BYTES } from '../engine/limits.js';
import { EngineLiveness, HEARTBEAT_ID_PREFIX, hungMessage, notAnsweringMessage, type LivenessTiming } from '../node/engineLiveness.js';
import { childExecArgv } from '../node/relaxedSimdFlags.js';
import { restartDelayMs } from '../node/restartDelay.js';
import { PendingWork } from './pendingWork.js';

/** At most this many of a page's requests may be arriving in pieces at once (the engine takes far fewer). */
const ARRIVING_KEPT = 1024;

/**
 * Bridges one WebSocket connection to its own engine child process. A heartbeat watches the engine: silent for a few
 * seconds while it owes answers, it is reported to the page ("unresponsive"); silent past the grace, it is killed and
 * replaced like a crashed one. What it owes is read from the start of each message's first frame, never the rest.
 */
export class EngineBridge {
  readonly #enginePath: string;
  readonly #sendFrame: (frame: Uint8Array) => void;
  readonly #pending = new PendingWork();
  readonly #liveness: EngineLiveness;
  #child: ChildProcess | undefined;
  #crashesInARow = 0;
  #restartTimer: NodeJS.Timeout | undefined;
  #hungFor: number | undefined;
  #closed = false;
  /** The page's requests whose first frame went to the current engine and whose last has not: only their frames follow. */
  readonly #arriving = new Set<number>();

  /** Starts an engine at once; `sendFrame` delivers a binary frame to the renderer. */
  constructor(enginePath: string, sendFrame: (frame: Uint8Array) => void, liveness?: Partial<LivenessTiming>) {
    this.#enginePath = enginePath;
    this.#sendFrame = sendFrame;
    this.#liveness = new EngineLiveness({
      // The host's own requests travel as wire frames of its own stream, which no page uses; their answers stay here.
      ping: (requestId) => {
        if (this.#child?.connected)
          for (const frame of framesOf(encodeWire({ type: 'engine.ping', requestId }), HOST_STREAM)) this.#child.send(frame, () => {});
      },
      hasPendingWork: () => this.#pending.size > 0,
      onNotAnswering: (silentMs) => this.#sendStatus({ state: 'unresponsive', message: notAnsweringMessage(silentMs, this.#liveness.timing.killAfterMs) }),
      onAnswering: () => this.#sendStatus({ state: 'ready' }),
      onHung: (silentMs) => {
        this.#hungFor = silentMs;
        this.#child?.kill('SIGKILL');
      },
      ...(liveness ? { timing: liveness } : {}),
    });
    this.#startEngine();
  }

  /** The running engine's process id (for tests that stop it). */
  get enginePid(): number | undefined {
    return this.#child?.pid;
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
    if (stream === HOST_STREAM) return this.#sendEvent({ type: 'error', message: `bad request: stream ${HOST_STREAM} is the host's own` });
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
    this.#pending.sent(fieldsNearStart(wireHead(payload)));
    child.send(data, (error) => {
      if (error) this.#sendEvent({ type: 'error', ...idsNearStart(wireHead(payload)), message: `the request did not reach the engine: ${error.message}` });
    });
  }

  /** Stops the engine for good (the WebSocket closed, or the host is shutting down); resolves once its process has exited. */
  close(): Promise<void> {
    this.#closed = true;
    this.#liveness.stop();
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
    this.#hungFor = undefined;
    child.stdout?.pipe(process.stderr);
    child.on('spawn', () => {
      this.#sendStatus({ state: 'ready' });
      this.#liveness.start();
    });
    child.on('message', (message: unknown) => {
      if (this.#child !== child || !(message instanceof Uint8Array)) return;
      this.#crashesInARow = 0;
      const header = readFrameHeader(message);
      // PendingWork and the heartbeat read only the type and ids, found at the start of a message's first frame.
      const fields = header?.offset === 0 ? fieldsNearStart(wireHead(header.payload)) : undefined;
      if (header && fields?.type === 'engine.pong' && fields.requestId?.startsWith(HEARTBEAT_ID_PREFIX)) return this.#heardPong(header.payload);
      this.#liveness.heard();
      if (fields) this.#pending.answered(fields as EngineEvent);
      if (!this.#closed) this.#sendFrame(message);
    });
    child.on('error', (error) => process.stderr.write(`engine process: ${error.message}\n`));
    child.on('exit', (code, signal) => {
      if (this.#closed || this.#child !== child) return;
      this.#child = undefined;
      this.#liveness.stop();
      this.#pending.clear();
      this.#crashesInARow++;
      this.#arriving.clear();
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const message =
        this.#hungFor !== undefined ? hungMessage(this.#hungFor) : `The engine process ${how}; any run in progress has failed. Starting a fresh engine.`;
      this.#sendStatus({ state: 'crashed', message });
      this.#restartTimer = setTimeout(() => this.#startEngine(), restartDelayMs(this.#crashesInARow));
    });
  }

  /** The answer to the host's heartbeat (one small frame), read here and never sent on to the page. */
  #heardPong(payload: Uint8Array): void {
    let busy: number | undefined;
    try {
      const envelope = decodeWire(payload) as Partial<Extract<HostEnvelope, { kind: 'event' }>>;
      const event = envelope.event as Partial<Extract<EngineEvent, { type: 'engine.pong' }>> | undefined;
      if (typeof event?.busy === 'number') busy = event.busy;
    } catch {
      // A pong cut into frames cannot be read from its first: it still says the engine answers.
    }
    this.#liveness.heard(busy);
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
