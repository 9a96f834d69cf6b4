// Browser host (Node): one WebSocket's engine — a child process speaking engine/protocol/, restarted if it dies.
// Requests are relayed to the engine, which validates them; events go back, unchanged, in the wire codec's envelope.
import { fork, type ChildProcess } from 'node:child_process';
import type { EngineStatus } from '../contract/labHost.js';
import { oversizeFrame, withinEventLimit } from '../contract/messageLimits.js';
import type { EngineEvent } from '../engine/protocol/index.js';
import { decodeWire, encodeWire, type HostEnvelope } from '../contract/wire.js';
import { MAX_EVENT_BYTES, MAX_REQUEST_BYTES } from '../engine/limits.js';
import { EngineLiveness, HEARTBEAT_ID_PREFIX, hungMessage, notAnsweringMessage, type LivenessTiming } from '../node/engineLiveness.js';
import { childExecArgv } from '../node/relaxedSimdFlags.js';
import { restartDelayMs } from '../node/restartDelay.js';
import { PendingWork } from './pendingWork.js';

/** The id an answer to a message carries, for the host's own error answers: its requestId, else its runId. */
function idsOf(message: unknown): { runId?: string; requestId?: string } {
  const { runId, requestId } = (typeof message === 'object' && message !== null ? message : {}) as Record<string, unknown>;
  if (typeof requestId === 'string') return { requestId };
  return typeof runId === 'string' ? { runId } : {};
}

/**
 * Bridges one WebSocket connection to its own engine child process. A heartbeat watches the engine: silent for a few
 * seconds while it owes answers, it is reported to the page ("unresponsive"); silent past the grace, it is killed and
 * replaced like a crashed one.
 */
export class EngineBridge {
  readonly #enginePath: string;
  readonly #sendFrame: (text: string) => void;
  readonly #pending = new PendingWork();
  readonly #liveness: EngineLiveness;
  #child: ChildProcess | undefined;
  #crashesInARow = 0;
  #restartTimer: NodeJS.Timeout | undefined;
  #hungFor: number | undefined;
  #closed = false;

  /** Starts an engine at once; `sendFrame` delivers a text frame to the renderer. */
  constructor(enginePath: string, sendFrame: (text: string) => void, liveness?: Partial<LivenessTiming>) {
    this.#enginePath = enginePath;
    this.#sendFrame = sendFrame;
    this.#liveness = new EngineLiveness({
      ping: (requestId) => {
        if (this.#child?.connected) this.#child.send({ type: 'engine.ping', requestId }, () => {});
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

  /** Handles one frame from the renderer: a request, relayed to the engine (which checks it). */
  receiveFrame(data: Buffer | string, isBinary: boolean): void {
    if (isBinary) return this.#sendEvent({ type: 'error', message: 'bad request: binary frames are not understood; send the request as JSON text' });
    const text = data.toString();
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    if (bytes > MAX_REQUEST_BYTES) return this.#sendEvent(oversizeFrame(text, bytes));
    let message: unknown;
    try {
      message = decodeWire(text);
    } catch (error) {
      return this.#sendEvent({ type: 'error', message: `bad request: not valid JSON (${(error as Error).message})` });
    }
    const child = this.#child;
    const ids = idsOf(message);
    if (!child?.connected) return this.#sendEvent({ type: 'error', ...ids, message: 'the engine is restarting; try again in a moment' });
    this.#pending.sent(message);
    child.send(message as object, (error) => {
      if (error) this.#sendEvent({ type: 'error', ...ids, message: `the request did not reach the engine: ${error.message}` });
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
    child.on('message', (event: EngineEvent) => {
      if (this.#child !== child) return;
      if (event.type === 'engine.pong' && event.requestId.startsWith(HEARTBEAT_ID_PREFIX)) {
        this.#crashesInARow = 0;
        return this.#liveness.heard(event.busy);
      }
      this.#liveness.heard();
      this.#crashesInARow = 0;
      this.#pending.answered(event);
      this.#sendEvent(event);
    });
    child.on('error', (error) => process.stderr.write(`engine process: ${error.message}\n`));
    child.on('exit', (code, signal) => {
      if (this.#closed || this.#child !== child) return;
      this.#child = undefined;
      this.#liveness.stop();
      this.#pending.clear();
      this.#crashesInARow++;
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const message =
        this.#hungFor !== undefined ? hungMessage(this.#hungFor) : `The engine process ${how}; any run in progress has failed. Starting a fresh engine.`;
      this.#sendStatus({ state: 'crashed', message });
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
    let text: string;
    try {
      text = encodeWire(envelope);
    } catch (error) {
      text = encodeWire({ kind: 'event', event: { type: 'error', message: `the engine sent a message that cannot travel: ${(error as Error).message}` } });
    }
    const bytes = Buffer.byteLength(text);
    if (envelope.kind === 'event' && bytes > MAX_EVENT_BYTES) text = encodeWire({ kind: 'event', event: withinEventLimit(envelope.event, bytes) });
    this.#sendFrame(text);
  }
}
