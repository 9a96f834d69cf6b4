// A real engine child process spoken to as the browser host speaks to it: requests and events in the wire's frames over IPC (tests, Node).
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { decodeWire, encodeWire, type HostEnvelope } from '../../../contract/wire.js';
import { FrameAssembler, framesOf } from '../../../contract/wireFrames.js';
import type { EngineEvent } from '../../../engine/protocol/index.js';
import { REPOSITORY } from './ensureBuilt.js';

export interface WireEngineProcess {
  child: ChildProcess;
  /** Encodes `message` on the wire and sends it in frames, as the page does through the browser host. */
  send(message: unknown): void;
}

/** Forks the built engine's child process entry; each event it sends reaches `onEvent`, decoded. */
export function forkWireEngine(onEvent: (event: EngineEvent) => void): WireEngineProcess {
  const child = fork(join(REPOSITORY, 'dist/engine/worker/childProcessEntry.js'), [], {
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const assembler = new FrameAssembler(Number.MAX_SAFE_INTEGER);
  child.on('message', (frame: unknown) => {
    if (!(frame instanceof Uint8Array)) return;
    const assembled = assembler.push(frame);
    if (!assembled || !('message' in assembled)) return;
    const envelope = decodeWire(assembled.message) as HostEnvelope;
    if (envelope.kind === 'event') onEvent(envelope.event);
  });
  let streams = 0;
  return { child, send: (message) => framesOf(encodeWire(message), ++streams).forEach((frame) => child.send(frame)) };
}
