// Engine entry for Electron's utilityProcess: the parent sends a MessagePortMain (event.ports[0]) and the engine speaks on that port. Does not import electron.
import { nodeDataFiles, readAssetTableOrText } from '../data/assetFiles.js';
import { loadEngineKernels } from '../kernels/wasm/kernelFiles.js';
import { oversizeRequest, withinEventLimit } from '../../contract/messageLimits.js';
import type { EngineEvent } from '../protocol/index.js';
import { createEngineService, type EngineService } from './engineService.js';

/** The parts of Electron's MessagePortMain this entry uses. */
interface PortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  on(event: 'close', listener: () => void): void;
  postMessage(message: EngineEvent): void;
  start(): void;
  close(): void;
}

/** The parts of Electron's process.parentPort this entry uses. */
interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown; ports: PortLike[] }) => void): void;
  postMessage(message: unknown): void;
}

/** The requestId of a heartbeat main sends on the parent port, if `data` is one. */
function heartbeatId(data: unknown): string | undefined {
  const { type, requestId } = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  return type === 'engine.ping' && typeof requestId === 'string' ? requestId : undefined;
}

const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (!parentPort) {
  process.stderr.write("the engine utility process entry must be started with Electron's utilityProcess.fork\n");
  process.exit(2);
}

/**
 * Each port gets its own service; a new port replaces the old one, whose runs stop. Main's heartbeats come on the
 * parent port too and are answered there, with the number of requests and runs in progress.
 */
function serveOnPortsFrom(parent: ParentPortLike): void {
  let current: { port: PortLike; service: EngineService } | undefined;
  parent.on('message', (event) => {
    const beat = heartbeatId(event.data);
    if (beat !== undefined) return parent.postMessage({ type: 'engine.pong', requestId: beat, busy: current?.service.busy() ?? 0 });
    const port = event.ports[0];
    if (!port) return; // only ports and heartbeats come this way; requests arrive on the port
    if (current) {
      current.service.dispose();
      current.port.close();
    }
    // The port carries structured clones of any size: the same limits as the browser host's WebSocket hold here.
    const service = createEngineService((engineEvent) => port.postMessage(withinEventLimit(engineEvent)), {
      readAsset: readAssetTableOrText,
      files: nodeDataFiles,
      kernels: loadEngineKernels(),
    });
    port.on('message', (message) => {
      const refusal = oversizeRequest(message.data);
      if (refusal) port.postMessage(refusal);
      else service.receive(message.data);
    });
    port.on('close', () => service.dispose());
    port.start();
    current = { port, service };
  });
}

serveOnPortsFrom(parentPort);
