// Engine entry for a Node child process forked with child_process.fork(path, { serialization: 'advanced' }) by the browser host.
// It speaks the wire (contract/wire.ts) in frames over IPC, so the host passes every frame on to the page without decoding it.
import { FrameAssembler, FrameQueue } from '../../contract/wireFrames.js';
import { readAssetText } from '../data/assetFiles.js';
import { loadEngineKernels } from '../kernels/wasm/kernelFiles.js';
import { MAX_REQUEST_BYTES } from '../limits.js';
import { createEngineService } from './engineService.js';
import { wireChannel } from './wireChannel.js';

if (!process.send) {
  process.stderr.write('the engine child process must be started with child_process.fork (it needs an IPC channel)\n');
  process.exit(2);
}

const frames = new FrameQueue((frame, written) => {
  if (!process.connected) return written(new Error('the IPC channel is closed'));
  process.send!(frame, undefined, undefined, (error) => written(error ?? undefined));
});
const channel = wireChannel((message, key) => frames.send(message, key), new FrameAssembler(MAX_REQUEST_BYTES));
// The host's own requests (its heartbeat) come as plain objects, not frames, and are answered the same way: the host
// reads those answers itself, and the page never sees them.
const askedByHost = new Set<string>();
const service = createEngineService(
  (event) => {
    const requestId = 'requestId' in event ? event.requestId : undefined;
    if (requestId !== undefined && askedByHost.delete(requestId)) process.send?.(event);
    else channel.emit(event);
  },
  { readAsset: readAssetText, kernels: loadEngineKernels() },
);
process.on('message', (message) => {
  if (message instanceof Uint8Array) return channel.receive(message, (request) => service.receive(request));
  const requestId = typeof message === 'object' && message !== null ? (message as { requestId?: unknown }).requestId : undefined;
  if (typeof requestId === 'string') askedByHost.add(requestId);
  service.receive(message);
});
// The parent went away: nobody is left to hear the results.
process.on('disconnect', () => {
  frames.close();
  service.dispose();
  process.exit(0);
});
