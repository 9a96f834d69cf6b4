// Engine entry for a Node child process forked with child_process.fork(path, { serialization: 'advanced' }) by the browser host.
// It speaks the wire (contract/wire.ts) in frames over IPC, so the host passes every frame on to the page without decoding it.
import { FrameAssembler, FrameQueue } from '../../contract/wireFrames.js';
import { nodeDataFiles, readAssetTableOrText } from '../data/assetFiles.js';
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
// The host's own requests (its heartbeat) come in frames too, on its own stream; it keeps their answers from the page.
const service = createEngineService((event) => channel.emit(event), { readAsset: readAssetTableOrText, files: nodeDataFiles, kernels: loadEngineKernels() });
process.on('message', (message) => channel.receive(message, (request) => service.receive(request)));
// The parent went away: nobody is left to hear the results.
process.on('disconnect', () => {
  frames.close();
  service.dispose();
  process.exit(0);
});
