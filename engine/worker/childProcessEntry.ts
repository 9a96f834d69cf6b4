// Engine entry for a Node child process forked with child_process.fork(path, { serialization: 'advanced' }): requests in via process 'message', events out via process.send.
import { nodeDataFiles, readAssetText } from '../data/assetFiles.js';
import { loadEngineKernels } from '../kernels/wasm/kernelFiles.js';
import { createEngineService } from './engineService.js';

if (!process.send) {
  process.stderr.write('the engine child process must be started with child_process.fork (it needs an IPC channel)\n');
  process.exit(2);
}

const service = createEngineService(
  (event) => {
    process.send?.(event);
  },
  { readAsset: readAssetText, files: nodeDataFiles, kernels: loadEngineKernels() },
);
process.on('message', (message) => service.receive(message));
// The parent went away: nobody is left to hear the results.
process.on('disconnect', () => {
  service.dispose();
  process.exit(0);
});
